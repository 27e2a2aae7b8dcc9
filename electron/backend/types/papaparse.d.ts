/** The part of papaparse 5.x (types are a separate package, not installed) the intake uses. */
declare module 'papaparse' {
  interface ParseResult {
    data: string[][];
    errors: { message: string; row?: number }[];
  }
  const Papa: { parse(text: string, options?: { skipEmptyLines?: boolean | 'greedy'; delimiter?: string }): ParseResult };
  export default Papa;
}
