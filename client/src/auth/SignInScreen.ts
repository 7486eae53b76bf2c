import { CognitoError } from './CognitoError';

/** E-mail + password form; `signIn` resolves when the session holds tokens. */
export class SignInScreen {
  readonly element: HTMLElement;
  private readonly email: HTMLInputElement;
  private readonly password: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly error: HTMLElement;

  constructor(private readonly signIn: (email: string, password: string) => Promise<void>, message?: string) {
    this.element = document.createElement('main');
    this.element.className = 'signin';

    const form = document.createElement('form');
    form.className = 'signin-card';
    form.noValidate = true;

    const heading = document.createElement('h1');
    heading.textContent = 'Sign in to your calendar';

    this.email = field('email', 'signin-email', 'username');
    this.password = field('password', 'signin-password', 'current-password');
    this.submit = document.createElement('button');
    this.submit.type = 'submit';
    this.submit.className = 'primary';
    this.submit.textContent = 'Sign in';
    this.submit.dataset['testid'] = 'signin-submit';

    this.error = document.createElement('p');
    this.error.className = 'signin-error';
    this.error.dataset['testid'] = 'signin-error';
    this.error.setAttribute('role', 'alert');
    this.error.setAttribute('aria-live', 'assertive');
    this.showError(message ?? '');

    form.append(heading, label('E-mail', this.email), label('Password', this.password), this.error, this.submit);
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
  const input = document.createElement('input');
  input.type = type;
  input.required = true;
  input.autocomplete = autocomplete;
  input.dataset['testid'] = testId;
  return input;
}

function label(text: string, control: HTMLElement): HTMLLabelElement {
  const element = document.createElement('label');
  const caption = document.createElement('span');
  caption.textContent = text;
  element.append(caption, control);
  return element;
}
