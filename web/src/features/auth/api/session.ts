// Login, logout and who is signed in. The session itself is an HttpOnly cookie the page never
// sees; the CSRF token that writes need comes back in the JSON.
import { apiRequest, setCsrfToken } from "../../../shared/api/client";
import type { Role, User } from "../../../shared/api/types";

export async function login(email: string, password: string): Promise<User> {
  const answer = await apiRequest<{ user: User; csrf_token: string }>("POST", "/api/v1/auth/login", { email, password });
  setCsrfToken(answer.csrf_token);
  return answer.user;
}

export async function logout(): Promise<void> {
  await apiRequest("POST", "/api/v1/auth/logout");
  setCsrfToken("");
}

// The signed-in user, or null when nobody is (401).
export async function currentUser(): Promise<User | null> {
  try {
    const answer = await apiRequest<{ user: User; csrf_token?: string }>("GET", "/api/v1/me");
    if (answer.csrf_token) setCsrfToken(answer.csrf_token);
    return answer.user;
  } catch (error) {
    if ((error as { status?: number }).status === 401) return null;
    throw error;
  }
}

// The caller's role in each of their workspaces, by workspace id.
export async function workspaceRoles(): Promise<Record<number, Role>> {
  const answer = await apiRequest<{ workspaces: { workspace: { id: number }; role: Role }[] }>("GET", "/api/v1/me");
  const roles: Record<number, Role> = {};
  for (const membership of answer.workspaces) roles[membership.workspace.id] = membership.role;
  return roles;
}
