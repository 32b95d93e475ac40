export declare const CONTENT_TYPES: Readonly<Record<string, string>>;

export declare function contentTypeFor(filePath: string): string;

/** Throws "… run npm run build first" unless `dir`/index.html exists. */
export declare function assertBuilt(dir: string): void;

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  root: string;
  close(): Promise<void>;
}

/** Serves `root` (normally dist/) on 127.0.0.1 at a free port; with `gzip`, text goes out gzipped to a browser that accepts it. */
export declare function startStaticServer(root: string, options?: { gzip?: boolean }): Promise<StaticServer>;
