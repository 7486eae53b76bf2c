import { button, element, input, labelled } from '../ui/Elements';
import { CognitoError } from './CognitoError';

/** E-mail + password form; `signIn` resolves when the session holds tokens. */
export class SignInScreen {
  readonly element: HTMLElement;
  private readonly email: HTMLInputElement;
  private readonly password: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly error: HTMLElement;

  constructor(private readonly signIn: (email: string, password: string) => Promise<void>, message?: string) {
    this.element = element('main', 'signin');

    const form = element('form', 'signin-card');
    form.noValidate = true;

    const heading = element('h1');
    heading.textContent = 'Sign in to your calendar';

    this.email = field('email', 'signin-email', 'username');
    this.password = field('password', 'signin-password', 'current-password');
    this.submit = button('Sign in', { className: 'primary', testId: 'signin-submit', type: 'submit' });

    this.error = element('p', 'signin-error', 'signin-error');
    this.error.setAttribute('role', 'alert');
    this.error.setAttribute('aria-live', 'assertive');
    this.showError(message ?? '');

    form.append(heading, labelled('E-mail', this.email), labelled('Password', this.password), this.error, this.submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.attempt();
    });
    this.element.append(form);
  }

  focus(): void {
    this.email.focus();
  }

  private async attempt(): Promise<void> {
    const email = this.email.value.trim();
    const password = this.password.value;
    if (email.length === 0 || password.length === 0) {
      this.showError('Enter your e-mail address and password.');
      return;
    }
    this.showError('');
    this.submit.disabled = true;
    try {
      await this.signIn(email, password);
    } catch (error) {
      this.showError(error instanceof CognitoError ? error.userMessage : 'Sign-in failed. Please try again.');
      this.password.select();
    } finally {
      this.submit.disabled = false;
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message.length === 0;
  }
}

function field(type: string, testId: string, autocomplete: AutoFill): HTMLInputElement {
  const control = input(type, testId);
  control.required = true;
  control.autocomplete = autocomplete;
  return control;
}
