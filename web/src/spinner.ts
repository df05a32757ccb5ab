// A button's spinner, only for a wait someone notices. Shown and taken away within a moment (the server
// answering at once, a refusal say), antd's loading icon never finishes leaving: it stays in the
// button, unseen, and the button's name reads "loading 确定" to a screen reader and to the tests.
export const spinnerWhile = (busy: boolean) => busy && { delay: 200 };
