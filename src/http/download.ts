// The Content-Disposition of a download: the name in ASCII for old clients and in UTF-8 (RFC 6266 /
// RFC 5987) so that Chinese file names arrive intact.
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
