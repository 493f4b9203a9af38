import { useEffect, useRef, useState } from 'react';

/**
 * The version of the release a dialog's change is based on: the one it
 * opened with, moved on only when the user asks to reload. A live update
 * may bring a newer copy meanwhile; sending that copy's version would
 * overwrite someone else's change unseen, whereas the version the user
 * started from still gets the server's 409.
 */
export function useBaseVersion(
  release: { version: number },
  onReload: () => void,
) {
  const [version, setVersion] = useState(release.version);
  const reloading = useRef(false);

  // Each load brings a new object: the first after a reload is adopted.
  useEffect(() => {
    if (reloading.current) {
      reloading.current = false;
      setVersion(release.version);
    }
  }, [release]);

  const reload = () => {
    reloading.current = true;
    onReload();
  };
  return { version, reload };
}
