fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let n = otklik_bench_wasm::load_csv(&bytes);
    let t = std::time::Instant::now();
    let mut g = 0;
    for _ in 0..20 {
        g += otklik_bench_wasm::indicators();
    }
    eprintln!("{n} rows, {g} groups, {:?} per indicators()", t.elapsed() / 20);
}
