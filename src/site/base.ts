/** The site's base path with exactly one trailing slash, e.g. `/` or `/archive/`. */
export const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
