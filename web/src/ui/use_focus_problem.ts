// After a refused submit, moves focus to the first field with an error (found by
// its name) or else to the form's general error, so keyboard and screen-reader
// users land on what needs fixing. Call show() after setting the errors.
import { useEffect, useRef, useState } from 'preact/hooks';

export function useFocusProblem(firstField: () => string | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  const firstFieldRef = useRef(firstField);
  firstFieldRef.current = firstField;
  useEffect(() => {
    const form = formRef.current;
    if (request === 0 || !form) return;
    const field = firstFieldRef.current();
    const target = field ? form.querySelector<HTMLElement>(`[name="${field}"]`) : form.querySelector<HTMLElement>('.form-error');
    target?.focus();
  }, [request]);
  return { formRef, show: () => setRequest((n) => n + 1) };
}
