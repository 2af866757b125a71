/** Where the benchmark data lives unless --database says otherwise. */
export const DEFAULT_DATABASE = 'postgres://postgres:postgres@127.0.0.1:5432/bench_zaken';
