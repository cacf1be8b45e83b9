import { useState } from "preact/hooks";
import type { User } from "../../../shared/api/types";
import { login } from "../api/session";

export function LoginScreen({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      onLoggedIn(await login(email, password));
    } catch (problem) {
      setError((problem as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <h1>Quorum</h1>
      <form onSubmit={onSubmit} aria-label="Log in">
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email}
                 onInput={(event) => setEmail(event.currentTarget.value)} autoFocus />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required value={password}
                 onInput={(event) => setPassword(event.currentTarget.value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? "Logging in…" : "Log in"}</button>
      </form>
    </main>
  );
}
