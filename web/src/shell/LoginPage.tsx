// The sign-in form. Shows the server's message as is: it is deliberately generic
// (wrong password, unknown email and locked account read the same).
import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';

interface LoginPageProps {
  onLogin: (email: string, password: string) => Promise<void>;
  /** Why the user is here, e.g. signed out after being idle. */
  notice?: string | undefined;
}

export function LoginPage({ onLogin, notice }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    document.title = 'Sign in · KetaClinic';
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setPending(true);
    setError('');
    try {
      await onLogin(email.trim(), password);
    } catch (e) {
      setError(problemFrom(e).message);
      setPending(false);
    }
  };

  return (
    <main id="main" class="login">
      <form class="panel login-form" onSubmit={onSubmit}>
        <h1>Sign in to KetaClinic</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <TextField label="Email" name="email" type="email" value={email} onValue={setEmail} autoComplete="username" required />
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required
        />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
