// Hash routes (#/users): enough for a back office, no router library needed.
import { useEffect, useState } from 'react';

export function currentRoute(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const listener = () => setRoute(currentRoute());
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  }, []);
  return route;
}

export function navigate(route: string) {
  window.location.hash = route;
}
