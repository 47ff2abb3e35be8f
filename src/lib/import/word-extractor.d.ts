// Types for word-extractor (it ships none): the parts this project uses.
declare module 'word-extractor' {
  interface TextOptions {
    /** true (the default) turns curly quotes, dashes and en/em spaces into ASCII: we keep them. */
    filterUnicode?: boolean;
  }
  interface WordDocument {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
    getTextboxes(options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
