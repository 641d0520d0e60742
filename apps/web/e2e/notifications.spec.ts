import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectDelivered, messageLog, sendMessage } from './support/chat';
import { signUp } from './support/users';

type Shown = { title: string; body?: string; tag?: string };

/**
 * Records every notification the page constructs (the real one is still made), and lets the
 * test say whether the tab is hidden: headless Chromium keeps a page visible, so
 * `document.visibilityState` is answered by a flag and `visibilitychange` dispatched by hand.
 */
async function watchNotifications(context: BrowserContext) {
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body?: string; tag?: string; instance: Notification }> = [];
    class Spy extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body, tag: options?.tag, instance: this });
      }
      static override get permission() {
        return Real.permission;
      }
      static override requestPermission(callback?: NotificationPermissionCallback) {
        asked += 1;
        return Real.requestPermission(callback);
      }
    }
    let asked = 0;
    let hidden = false;
    Object.defineProperty(document, 'visibilityState', {
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { get: () => hidden });
    Object.assign(window, {
      Notification: Spy,
      shownNotifications: shown,
      permissionRequests: () => asked,
      setTabHidden: (value: boolean) => {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
}

type Spied = Window & {
  shownNotifications: Array<Shown & { instance: Notification }>;
  permissionRequests: () => number;
  setTabHidden: (hidden: boolean) => void;
};

const shown = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as Spied).shownNotifications.map(({ title, body, tag }) => ({
      title,
      body,
      tag,
    })),
  );

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => (window as unknown as Spied).setTabHidden(value), hidden);

test('mentions and private messages notify while the tab is hidden; a muted thread does not', async ({
  browser,
  baseURL,
}) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await bobContext.grantPermissions(['notifications'], { origin: baseURL });
  await watchNotifications(bobContext);
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  const alice = await signUp(alicePage, 'alice');
  const bob = await signUp(bobPage, 'bob');

  // Permission was granted already (by the test context): the settings say so.
  const settings = bobPage.getByRole('region', { name: 'Notifications' });
  await expect(settings.getByRole('status')).toHaveText(/On for mentions and private messages/);
  await expect(settings.getByRole('checkbox', { name: 'Sound' })).not.toBeChecked();

  // Bob reads general, then leaves the tab in the background.
  await expect(messageLog(bobPage)).toBeVisible();
  await setHidden(bobPage, true);

  // A mention in general: one notification (not two, though it also arrives as a message).
  await sendMessage(alicePage, `@${bob.username} **lunch** at [noon](https://example.com)?`);
  await expectDelivered(alicePage, `@${bob.username} lunch at noon?`);
  await expect.poll(() => shown(bobPage)).toHaveLength(1);
  const [mention] = await shown(bobPage);
  expect(mention).toMatchObject({
    title: 'Alice mentioned you in #general',
    body: `@${bob.username} lunch at noon?`,
  });

  // A private message: titled by who wrote it, one per conversation (its own tag).
  await alicePage.goto(`/u/${bob.username}`);
  await sendMessage(alicePage, 'Are you coming?');
  await expectDelivered(alicePage, 'Are you coming?');
  await expect.poll(() => shown(bobPage)).toHaveLength(2);
  const [, privately] = await shown(bobPage);
  expect(privately).toMatchObject({ title: 'Alice', body: 'Are you coming?' });
  expect(privately!.tag).not.toBe(mention!.tag);
  // The tab title counts both: the mention in general and the unread private message.
  await expect(bobPage).toHaveTitle('(2) Chat');

  // Clicking the notification opens the thread.
  await bobPage.evaluate(() => {
    const last = (window as unknown as Spied).shownNotifications.at(-1)!;
    last.instance.dispatchEvent(new Event('click'));
  });
  await expect(bobPage).toHaveURL(`/u/${alice.username}`);
  await setHidden(bobPage, false);
  await expect(messageLog(bobPage)).toContainText('Are you coming?');
  // Read now, both: the thread here, general before (its mention is counted until read).
  await bobPage.getByRole('link', { name: 'general' }).click();
  await expect(bobPage).toHaveTitle('Chat');

  // Bob mutes the thread from its header (reached by the sidebar: no reload, the spy stays).
  const bobsThread = bobPage
    .getByRole('list', { name: 'Private threads' })
    .getByRole('link', { name: /Alice/ });
  await bobsThread.click();
  const mute = bobPage.getByRole('button', { name: 'Mute' });
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await bobPage.getByRole('link', { name: 'general' }).click();
  await expect(messageLog(bobPage)).toBeVisible();
  await setHidden(bobPage, true);

  await sendMessage(alicePage, 'Muted, so no ping');
  await expectDelivered(alicePage, 'Muted, so no ping');
  // It arrived (the sidebar counts it, dimmed, marked muted) and showed nothing, and the
  // title leaves it out.
  await expect(bobsThread).toHaveAccessibleName('Alice, 1 unread, muted');
  expect(await shown(bobPage)).toHaveLength(2);
  await expect(bobPage).toHaveTitle('Chat');

  // Unmuted conversations still notify.
  await alicePage.getByRole('link', { name: 'general' }).click();
  await sendMessage(alicePage, `@${bob.username} still there?`);
  await expect.poll(() => shown(bobPage)).toHaveLength(3);
  expect((await shown(bobPage))[2]).toMatchObject({
    title: 'Alice mentioned you in #general',
    body: `@${bob.username} still there?`,
  });
  await expect(bobPage).toHaveTitle('(1) Chat');

  await aliceContext.close();
  await bobContext.close();
});

test('the permission is asked for on a click, never on load', async ({ browser }) => {
  const context = await browser.newContext();
  await watchNotifications(context);
  const page = await context.newPage();
  await signUp(page, 'carol');
  await page.reload();
  const settings = page.getByRole('region', { name: 'Notifications' });
  const enable = settings.getByRole('button', { name: 'Enable notifications' });
  await expect(enable).toBeVisible();
  const requests = () => page.evaluate(() => (window as unknown as Spied).permissionRequests());
  expect(await requests()).toBe(0);
  await enable.click();
  await expect.poll(requests).toBe(1);
  await context.close();
});
