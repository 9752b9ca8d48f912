import { useEffect, useId } from 'react'

/*
 * Which forms hold an edit that is not saved yet. The update notice asks this before a restart
 * (docs/adr/0014): a restart would throw such an edit away, since only saved data is in
 * IndexedDB. Every form built with `useSchemaForm` reports itself.
 */

const dirtyForms = new Set<string>()

export function setUnsavedEdit(formId: string, dirty: boolean): void {
  if (dirty) dirtyForms.add(formId)
  else dirtyForms.delete(formId)
}

export function hasUnsavedEdits(): boolean {
  return dirtyForms.size > 0
}

/** Reports a form's dirty state while it is mounted; an unmounted form holds nothing. */
export function useReportUnsavedEdit(dirty: boolean): void {
  const id = useId()
  useEffect(() => {
    setUnsavedEdit(id, dirty)
    return () => setUnsavedEdit(id, false)
  }, [id, dirty])
}
