//! Fuzz target: see `newsgraph_fuzz::sparql_params`.

fn main() {
    afl::fuzz!(|data: &[u8]| newsgraph_fuzz::sparql_params(data));
}
