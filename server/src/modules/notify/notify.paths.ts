/** Where notify's routes are mounted; opt-out links in e-mails point under it. */
export const NOTIFY_PREFIX = '/api/v1/notify';

export function optOutUrl(publicUrl: string, token: string, topic: string | null): string {
  const query = new URLSearchParams({ token });
  if (topic) query.set('topic', topic);
  return `${publicUrl}${NOTIFY_PREFIX}/opt-out?${query.toString()}`;
}
