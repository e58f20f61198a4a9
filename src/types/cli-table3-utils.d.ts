/** cli-table3's own measure of a cell's width (colour codes stripped, wide characters counted). */
declare module 'cli-table3/src/utils.js' {
  const utils: { strlen(text: string): number };
  export default utils;
}
