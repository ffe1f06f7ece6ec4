import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorMessage } from '../../src/text/error-message';
import { t } from '../../src/ui/i18n';

// What the two sections that read from an address the reader gives share (corpus lists,
// followed sites): the request for the site, a status line and the actions under way, the
// form that takes the address and each item's "Update now" and "Remove" buttons. Class
// names and test ids are the callers': the CSS and the browser tests select on them.

/** Asks the browser for one site; called in the click itself (the browser requires a user gesture). */
export function askForSite(pattern: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A section's status line and the actions under way, by key. `show` puts a reply from the
 * background on screen; its `error`, if any, is what the status line then says.
 */
export function useActions<R extends { readonly error?: string }>(show: (reply: R) => void) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  /** Shows a reply and says `done`, or its error; true when it has none. */
  const apply = (reply: R | undefined, done: string): boolean => {
    if (reply === undefined) {
      setStatus(t('options_no_answer'));
      return false;
    }
    show(reply);
    setStatus(reply.error ?? done);
    return reply.error === undefined;
  };

  /** Runs one action, saying `working` and marking `key` busy meanwhile; true when it succeeded. */
  const act = async (
    key: string,
    working: string,
    action: () => Promise<R | undefined>,
    done: string,
  ): Promise<boolean> => {
    setBusy((b) => new Set(b).add(key));
    setStatus(working);
    try {
      return apply(await action(), done);
    } catch (error) {
      setStatus(errorMessage(error));
      return false;
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(key);
        return next;
      });
    }
  };

  return { status, setStatus, busy, apply, act };
}

/**
 * A labelled address field with its submit button, off while a submission is under way.
 * `onSubmit` is called in the submit itself (so that it may ask the browser for a site); it
 * resolves true to clear the field.
 */
export function AddressForm(props: {
  onSubmit: (address: string) => Promise<boolean>;
  /** The form's own class (after "toolbar") and the field's test id. */
  names: { form: string; input: string };
  label: string;
  placeholder: string;
  submit: string;
}) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class={`toolbar ${props.names.form}`}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void props
          .onSubmit(address)
          .then((clear) => clear && setAddress(''))
          .finally(() => setBusy(false));
      }}
    >
      <label>
        {props.label}{' '}
        <input
          type="url"
          required
          placeholder={props.placeholder}
          value={address}
          data-testid={props.names.input}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

/** An item's "Update now" and "Remove" buttons; each says which item it is working on. */
export function UpdateRemove(props: {
  name: string;
  updateDisabled: boolean;
  removeDisabled: boolean;
  update: (working: string) => void;
  remove: (working: string) => void;
}) {
  const update = (): void => props.update(t('options_updating_named', props.name));
  const remove = (): void => props.remove(t('options_removing_named', props.name));
  return (
    <div class="toolbar">
      <button type="button" disabled={props.updateDisabled} onClick={update}>
        {t('options_update_now')}
      </button>
      <button type="button" disabled={props.removeDisabled} onClick={remove}>
        {t('options_remove')}
      </button>
    </div>
  );
}
