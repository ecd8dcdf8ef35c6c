//! Fuzz target: see `newsgraph_fuzz::http`.

fn main() {
    afl::fuzz!(|data: &[u8]| newsgraph_fuzz::http(data));
}
