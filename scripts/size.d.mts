export declare const BUDGET_KB: number;
export declare function chunkClosure(manifest: Record<string, unknown>, keys: string[]): string[];
export declare function initialJs(dist: string): { file: string; gzipBytes: number }[];
