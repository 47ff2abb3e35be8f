/** The closing of a report, as if it were a section: "promises after the last numbered task". */
export const CLOSING_SECTION_ID = 'end';
export const CLOSING_TITLE = '结尾部分';
