//! Fuzz target: see `newsgraph_fuzz::readers`.

fn main() {
    afl::fuzz!(|data: &[u8]| newsgraph_fuzz::readers(data));
}
