// A PDF made from a Chinese document shows a gap between Chinese and Latin letters or digits
// ("2021 年", "30 万亿元", "XXX 党组"): word processors space them apart when they lay the text
// out (LibreOffice's and Word's autospace), and a PDF's text layer turns the gap into a space
// the author never typed. Only those spaces are dropped; spaces between two Latin words, two
// digits ("1 9 9 3") or two Chinese characters are the author's and stay.

/** Han ideographs, CJK symbols and punctuation (、。《》「」〔〕), full-width forms (，：；（）％). */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef`;
/** Latin letters of any kind (ī, é; full-width ｘ too) and ASCII digits. */
const LATIN_OR_DIGIT = String.raw`\p{Script=Latin}0-9`;

const CJK_THEN_LATIN = new RegExp(`(?<=[${CJK}]) (?=[${LATIN_OR_DIGIT}])`, 'gu');
const LATIN_THEN_CJK = new RegExp(`(?<=[${LATIN_OR_DIGIT}]) (?=[${CJK}])`, 'gu');

/** Drops one space between a CJK character and a Latin letter or digit, in either order. */
export function removeAddedCjkSpaces(text: string): string {
  return text.replace(CJK_THEN_LATIN, '').replace(LATIN_THEN_CJK, '');
}
