/** The repository root, with a trailing separator. */
export declare const REPO_ROOT: string;
export declare const DIST_DIR: string;
export declare const SCREENSHOT_DIR: string;
export declare const BENCH_RESULTS_DIR: string;
