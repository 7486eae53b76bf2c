import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';
import './styles.css';

import type { FetchLike } from './api/FetchLike';
import { AuthorizedFetch } from './api/AuthorizedFetch';
import { ChatApi } from './api/ChatApi';
import { EventsApi } from './api/EventsApi';
import { GoogleSyncApi, googleReturnMessage } from './api/GoogleSyncApi';
import { RealtimeTicketApi } from './api/RealtimeTicketApi';
import { PushSubscriptionsApi } from './api/PushSubscriptionsApi';
import { RemindersApi } from './api/RemindersApi';
import { CognitoClient } from './auth/CognitoClient';
import { CognitoError } from './auth/CognitoError';
import { SignInScreen } from './auth/SignInScreen';
import { TokenSession } from './auth/TokenSession';
import { CalendarPage } from './calendar/CalendarPage';
import { EventStore } from './calendar/EventStore';
import { loadConfig } from './config/AppConfig';
import { browserNotificationHost } from './reminders/NotificationHost';
import { WebPushReminders } from './reminders/WebPushReminders';
import { element } from './ui/Elements';
import { errorText } from './ui/ErrorText';
import { GoogleSyncControl } from './ui/GoogleSyncControl';

async function main(root: HTMLElement): Promise<void> {
  const fetchFn: FetchLike = (input, init) => fetch(input, init);
  const config = await loadConfig(fetchFn);

  const session = new TokenSession(new CognitoClient(config.cognito.endpoint, config.cognito.clientId, fetchFn), localStorage);
  const http = new AuthorizedFetch(config.apiBaseUrl, session, fetchFn);
  const events = new EventsApi(http);
  const tickets = new RealtimeTicketApi(http);
  // Without the chat function deployed there is no /api/chat to ask, so no panel at all.
  const chat = config.chatEnabled ? new ChatApi(http) : null;
  const google = new GoogleSyncApi(http);
  const reminders = new RemindersApi(http);
  const notifications = browserNotificationHost();
  // Without a VAPID key in config.json the deployment has no Web Push: nothing to offer.
  const push = config.vapidPublicKey === null ? null : new WebPushReminders(new PushSubscriptionsApi(http, config.vapidPublicKey));
  const store = new EventStore();
  let page: CalendarPage | null = null;

  const showSignIn = (message?: string): void => {
    page?.destroy();
    page = null;
    store.clear();
    const screen = new SignInScreen(async (email, password) => {
      await session.signIn(email, password);
      showCalendar();
    }, message);
    root.replaceChildren(screen.element);
    screen.focus();
  };

  const showCalendar = (): void => {
    root.replaceChildren();
    const googleControl = new GoogleSyncControl(google, (url) => window.location.assign(url), (message) => page?.showNotice(message));
    page = new CalendarPage(root, {
      google: googleControl,
      events,
      store,
      webSocketUrl: config.webSocketUrl,
      requestTicket: () => tickets.requestTicket(),
      // Unused socket tickets die with the session, and this browser stops getting the user's push reminders (a shared
      // device must not show them to the next person); sign-out still happens if the server cannot be reached.
      signOut: () => void Promise.allSettled([tickets.revokeAll(), push?.disable()]).finally(() => session.signOut()),
      chat,
      reminders,
      notifications,
      ...(push === null ? {} : { push }),
    });
    page.start();
    // Back from Google's consent page: say how it went, then drop the flag so a reload does not repeat it.
    const returned = googleReturnMessage(window.location.search);
    if (returned !== null) {
      page.showNotice(returned);
      window.history.replaceState(null, '', window.location.pathname);
    }
  };

  session.onSignedOut(() => showSignIn());
  window.addEventListener('storage', (event) => session.handleStorageEvent(event.key, event.newValue));

  try {
    if (await session.resume()) {
      showCalendar();
      return;
    }
    showSignIn();
  } catch (error) {
    showSignIn(error instanceof CognitoError ? error.userMessage : 'Could not restore your session. Please sign in.');
  }
}

const root = document.getElementById('app');
if (root !== null) {
  main(root).catch((error: unknown) => {
    const message = element('p', 'fatal');
    message.textContent = `The calendar could not start: ${errorText(error)}`;
    root.replaceChildren(message);
  });
}
