import { useEffect, useState } from "preact/hooks";
import { kSignedOutEvent } from "../shared/api/client";
import type { User } from "../shared/api/types";
import { currentUser, logout } from "../features/auth/api/session";
import { LoginScreen } from "../features/auth/components/LoginScreen";
import { ProjectsScreen } from "../features/projects/components/ProjectsScreen";
import { AnnotateScreen } from "../features/annotate/components/AnnotateScreen";
import { MyWorkScreen } from "../features/my-work/components/MyWorkScreen";
import { ReviewScreen } from "../features/review/components/ReviewScreen";
import { hrefs, parseRoute, type Route } from "./route";

// The shell: who is signed in, the header, and the screen the URL hash names.
export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [problem, setProblem] = useState("");

  useEffect(() => {
    currentUser().then(setUser, (error) => setProblem(String(error.message ?? error)));
    const onHash = () => setRoute(parseRoute(location.hash));
    const onSignedOut = () => setUser(null);
    addEventListener("hashchange", onHash);
    addEventListener(kSignedOutEvent, onSignedOut);
    return () => {
      removeEventListener("hashchange", onHash);
      removeEventListener(kSignedOutEvent, onSignedOut);
    };
  }, []);

  if (problem) return <p class="error" role="alert">{problem}</p>;
  if (user === undefined) return <p class="loading">Loading…</p>;
  if (user === null) return <LoginScreen onLoggedIn={setUser} />;

  const onLogout = async () => {
    await logout().catch(() => undefined);
    setUser(null);
    location.hash = hrefs.projects();
  };
  return (
    <>
      <header class="topbar">
        <a class="brand" href={hrefs.projects()}>Quorum</a>
        <span class="who">{user.email}</span>
        <button type="button" class="secondary" onClick={onLogout}>Log out</button>
      </header>
      <main>
        {route.screen === "projects" && <ProjectsScreen />}
        {route.screen === "annotate" && (
          <AnnotateScreen key={`${route.projectId}/${route.recordId ?? ""}`} projectId={route.projectId} recordId={route.recordId} user={user} />
        )}
        {route.screen === "myWork" && <MyWorkScreen projectId={route.projectId} />}
        {route.screen === "review" && <ReviewScreen key={route.projectId} projectId={route.projectId} />}
      </main>
    </>
  );
}
