// Types for the packages the finder uses that ship none.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  export const eng: readonly string[];
  export const rus: readonly string[];
  export const ukr: readonly string[];
  export const deu: readonly string[];
  export const tur: readonly string[];
}
