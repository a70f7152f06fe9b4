import { useCallback, useEffect, useState } from 'react';

/** Data loaded from the API when the page opens, its failure if any, and a way to load it again. */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setFailed(null);
    } catch (e) {
      setFailed(e);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, failed, reload };
}
