// Where the gazette lives in the portal (kept apart so other areas can link without loading its pages).
export const GAZETTE = '/zfxxgk/gb';
export const issueHref = (id: number) => `${GAZETTE}/${id}`;
