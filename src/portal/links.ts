// Addresses of public pages that several areas link to (search results, feeds, the API's \`url\`
// fields), in one place so a page can move without a hunt through the code.
export const documentHref = (id: number) => `/zfxxgk/wj/${id}`;
export const KNOWLEDGE = '/zfxxgk/zsk';
export const knowledgeHref = (id: number) => `${KNOWLEDGE}/${id}`;
