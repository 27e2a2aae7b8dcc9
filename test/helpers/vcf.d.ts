/** The part of the `vcf` parser (2.1, no bundled types) the tests use to read vCards back. */
declare module 'vcf' {
  class Property {
    valueOf(): string;
  }
  class vCard {
    version: string;
    get(key: string): Property;
    static parse(text: string): vCard[];
  }
  export default vCard;
}
