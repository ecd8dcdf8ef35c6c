//! Fuzz target: see `newsgraph_fuzz::kb`.

fn main() {
    afl::fuzz!(|data: &[u8]| newsgraph_fuzz::kb(data));
}
