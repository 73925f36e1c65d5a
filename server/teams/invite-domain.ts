// An invite may be limited to a setting's email domain (invite-routes.ts).

/** Whether an account's email is inside `domain`: the domain itself or one of its subdomains. */
export function emailInDomain(email: string, domain: string): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}
