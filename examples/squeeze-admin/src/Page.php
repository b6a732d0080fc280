<?php
declare(strict_types=1);

namespace SqueezeAdmin;

use SqzGraph\TokenInfo;

/**
 * The one HTML page of the example: configuration form, status panel, connection test.
 * Everything printed goes through h(); secrets are never printed.
 */
final class Page
{
    /** @var array{kind: string, title: string, text: string, id: string}|null */
    public ?array $result = null;
    /** Form values to show instead of the stored ones (after a failed save). @var array<string, mixed>|null */
    public ?array $form = null;
    public ?string $formError = null;
    public ?string $formErrorField = null;
    /** testConnection()'s answer, or ['error' => message]. @var array<string, mixed>|null */
    public ?array $connectionTest = null;
    /**
     * The mailbox's visible folders (Mailbox::folders() without Folder::$isHidden ones), read while a
     * token is held; null: no list (no token, or it could not be read), the folder fields are text only.
     * @var list<array{path: string, name: string}>|null
     */
    public ?array $folderChoices = null;
    /** The folder list could not be read (the connection test says why). */
    public bool $folderListError = false;
    public ?TokenInfo $status = null;
    public ?string $statusError = null;
    /** @var list<array{0: string, 1: string, 2: string}> */
    public array $changed = [];

    public function __construct(private readonly Settings $settings, private readonly string $csrf)
    {
    }

    public static function h(mixed $s): string
    {
        return htmlspecialchars((string) $s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /** An instant: UTC rendered here, the viewer's zone added in the browser (assets/app.js). */
    public static function instant(?int $epoch): string
    {
        if ($epoch === null) {
            return '<span class="muted">—</span>';
        }
        return '<time class="instant" datetime="' . gmdate('Y-m-d\TH:i:s\Z', $epoch) . '" data-epoch="' . $epoch . '">'
            . '<span class="utc">' . gmdate('Y-m-d H:i:s', $epoch) . ' UTC</span></time>';
    }

    public function render(): string
    {
        $h = self::h(...);
        $out = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            . '<meta name="viewport" content="width=device-width, initial-scale=1">'
            . '<title>E-mail importer (Microsoft 365) – Squeeze</title>'
            . '<link rel="stylesheet" href="/assets/style.css"><script src="/assets/app.js" defer></script></head><body>'
            . '<header><span class="brand">Squeeze</span> <span class="crumb">Importers › E-mail › Microsoft 365</span></header>'
            . '<main><h1>E-mail importer: Microsoft 365 (Graph)</h1>';
        if ($this->result !== null) {
            $r = $this->result;
            $out .= '<div id="' . $h($r['id']) . '" class="banner ' . $h($r['kind']) . '" role="'
                . ($r['kind'] === 'error' ? 'alert' : 'status') . '"><strong>' . $h($r['title']) . '</strong>'
                . ($r['text'] !== '' ? '<p class="message">' . $h($r['text']) . '</p>' : '') . '</div>';
        }
        // Source order = reading order on a phone: status (and its buttons), the test's result, the form.
        // A wide window places them in columns (style.css: .layout's grid areas).
        $out .= '<div class="layout"><aside class="card" id="status"><h2>Status</h2>' . $this->statusPanel()
            . $this->actions() . '</aside>';
        if ($this->connectionTest !== null) {
            $out .= '<section class="card" id="connection-test"><h2>Mail connection test</h2>' . $this->testTable() . '</section>';
        }
        $out .= '<section class="card" id="configuration"><h2>Configuration</h2>' . $this->form() . '</section></div>';
        return $out . '</main><footer>sqzgraph ' . $h(phpversion('sqzgraph') ?: '') . ' · PHP ' . $h(PHP_VERSION)
            . ' · times in UTC and in <span id="viewer-zone">your zone</span></footer></body></html>';
    }

    private function value(string $key, string $default = ''): string
    {
        if ($this->form !== null) {
            $v = $this->form[$key] ?? $default;
            return is_scalar($v) ? (string) $v : $default;
        }
        return $this->settings->get($key, $default);
    }

    private function field(string $name, string $label, string $input, string $help = ''): string
    {
        $err = $this->formErrorField === $name ? ' invalid' : '';
        return '<div class="field' . $err . '" id="field-' . self::h($name) . '"><label for="' . self::h($name) . '">'
            . self::h($label) . '</label><div class="control">' . $input . ($help !== '' ? '<small>' . $help . '</small>' : '')
            . '</div></div>';
    }

    private function text(string $name, string $label, string $value, string $help = '', string $placeholder = '', string $type = 'text'): string
    {
        return $this->field($name, $label, $this->input($name, $value, $placeholder, $type), $help);
    }

    private function input(string $name, string $value, string $placeholder = '', string $type = 'text'): string
    {
        return '<input type="' . $type . '" id="' . self::h($name) . '" name="' . self::h($name)
            . '" value="' . self::h($value) . '"' . ($placeholder !== '' ? ' placeholder="' . self::h($placeholder) . '"' : '')
            . ' autocomplete="off" spellcheck="false">';
    }

    /**
     * What a folder choice puts into the text field: the folder's path from the top with a leading
     * slash, so that a choice is never a bare name (a name is searched in the whole tree and becomes
     * ambiguous as soon as a second folder of that name appears).
     */
    public static function folderValue(string $path): string
    {
        return '/' . $path;
    }

    /**
     * The value saved for a folder field: the text field, unless the list next to it was changed
     * from what the page showed ($shown); with JavaScript a choice is copied into the text field as
     * well, without it the changed list wins.
     */
    public static function chosenFolder(string $typed, string $pick, string $shown): string
    {
        return $pick !== '' && $pick !== $shown ? $pick : $typed;
    }

    /** The choice that names the folder a field's value resolves to, where that is clear ('' otherwise). */
    private function choiceFor(string $value): string
    {
        $v = trim($value);
        if ($v === '' || !$this->folderChoices) {
            return '';
        }
        if (str_contains($v, '/')) {            // a path from the top, with or without the leading slash
            $p = str_starts_with($v, '/') ? substr($v, 1) : $v;
            foreach ($this->folderChoices as $f) {
                if (strcasecmp($f['path'], $p) === 0) {
                    return self::folderValue($f['path']);
                }
            }
            return '';
        }
        // A bare name is searched in the tree (hidden folders excluded): only a single match is that folder.
        $m = array_values(array_filter($this->folderChoices, fn ($f) => strcasecmp($f['name'], $v) === 0));
        return count($m) === 1 ? self::folderValue($m[0]['path']) : '';
    }

    /** A folder field: the text field (a name, a well-known name or a path) and, while a token is held, the folder list. */
    private function folderField(string $which, string $label, string $value, string $help = ''): string
    {
        $name = 'folder_' . $which;
        if ($this->folderChoices === null) {
            return $this->text($name, $label, $value, $help);
        }
        $h = self::h(...);
        $shown = $this->choiceFor($value);
        $options = '<option value="">' . ($this->folderChoices === [] ? 'No folders' : 'Choose a folder…') . '</option>';
        foreach ($this->folderChoices as $f) {
            $v = self::folderValue($f['path']);
            $options .= '<option value="' . $h($v) . '"' . ($v === $shown ? ' selected' : '') . '>' . $h($f['path']) . '</option>';
        }
        return $this->field($name, $label, '<div class="folder-picker">' . $this->input($name, $value)
            . '<select class="folder-pick" id="' . $h($name) . '-pick" name="' . $h($name) . '_pick" data-for="' . $h($name) . '"'
            . ' aria-label="' . $h($label) . ': choose from the mailbox\'s folders">' . $options . '</select>'
            . '<input type="hidden" name="' . $h($name) . '_shown" value="' . $h($shown) . '"></div>', $help);
    }

    private function form(): string
    {
        $h = self::h(...);
        $s = $this->settings;
        $flow = $this->value('flow', 'delegated');
        $cred = $this->form !== null ? (string) ($this->form['credential'] ?? 'secret') : $s->credential();
        $folder = fn (string $w) => $this->form !== null ? (string) ($this->form['folder_' . $w] ?? '') : $s->folder($w);
        $opt = fn (string $v, string $label, string $cur) => '<option value="' . $h($v) . '"' . ($v === $cur ? ' selected' : '')
            . '>' . $h($label) . '</option>';

        $out = '<form method="post" action="/save" id="config-form" novalidate>' . $this->csrfField();
        if ($this->formError !== null) {
            $out .= '<p class="form-error" id="form-error" role="alert">' . $h($this->formError) . '</p>';
        }
        $out .= '<fieldset><legend>Application</legend>'
            . $this->field('flow', 'Protocol', '<select id="flow" name="flow">'
                . $opt('delegated', 'Delegated (a user signs in)', $flow)
                . $opt('client_credentials', 'Client credentials (app permission)', $flow) . '</select>')
            . $this->text('tenant_id', 'Tenant id', $this->value('tenant_id'), 'Directory (tenant) id or a verified domain.',
                '00000000-0000-0000-0000-000000000000')
            . $this->text('client_id', 'Client id', $this->value('client_id'), 'Application (client) id of the app registration.',
                '00000000-0000-0000-0000-000000000000')
            . $this->field('credential', 'Credential', '<select id="credential" name="credential">'
                . $opt('secret', 'Client secret', $cred) . $opt('certificate', 'Certificate (PEM)', $cred) . '</select>');

        $secretState = $s->hasSecret()
            ? '<span class="set" id="client_secret-state">••• (set)</span>'
            : '<span class="unset" id="client_secret-state">not set</span>';
        $out .= '<div class="only-secret">'
            . $this->field('client_secret', 'Client secret', $secretState . '<input type="password" id="client_secret" '
                . 'name="client_secret" value="" autocomplete="new-password" placeholder="'
                . ($s->hasSecret() ? 'leave empty to keep the stored secret' : 'value from Certificates &amp; secrets') . '">',
                'The secret is never shown again; enter a new one to replace it (rotation keeps the authorization).')
            . $this->text('client_secret_expires', 'Secret expires (UTC date)', $this->value('client_secret_expires'),
                'Optional; the status warns 30 days before.', 'YYYY-MM-DD', 'date')
            . '</div>';
        $keyState = $s->hasPrivateKey()
            ? '<span class="set" id="client_private_key-state">••• (set)</span>'
            : '<span class="unset" id="client_private_key-state">not set</span>';
        $out .= '<div class="only-certificate">'
            . $this->field('client_certificate', 'Certificate (PEM)', '<textarea id="client_certificate" name="client_certificate" '
                . 'rows="3" spellcheck="false" placeholder="-----BEGIN CERTIFICATE-----">' . $h($this->value('client_certificate'))
                . '</textarea>')
            . $this->field('client_private_key', 'Private key (PEM)', $keyState . '<textarea id="client_private_key" '
                . 'name="client_private_key" rows="3" spellcheck="false" placeholder="'
                . ($s->hasPrivateKey() ? 'leave empty to keep the stored key' : '-----BEGIN PRIVATE KEY-----') . '"></textarea>')
            . '</div></fieldset>';

        $out .= '<fieldset><legend>Mailbox and folders</legend>'
            . $this->text('mailbox', 'Mailbox', $this->value('mailbox'),
                'UPN or SMTP address of the (shared) mailbox. Delegated: empty = the mailbox of the user who signs in. '
                . 'Required for client credentials.', 'invoices@contoso.com')
            . $this->folderField('inbox', 'Inbox folder (polled)', $folder('inbox'))
            . $this->folderField('exported', 'Exported folder (imported mail)', $folder('exported'))
            . $this->folderField('error', 'Error folder (mail that could not be imported)', $folder('error'))
            . '<p class="folder-help" id="folder-help">Type a name, a well-known name (<code>inbox</code>) or a path from the top '
            . '(<code>Inbox/Invoices</code>). ' . $this->folderListNote() . '</p>'
            . '</fieldset>';

        $out .= '<details class="advanced"' . ($this->value('authority') !== '' || $this->value('graph_endpoint') !== '' ? ' open' : '')
            . '><summary>Endpoints (national clouds, test tenants)</summary>'
            . $this->text('authority', 'Authority', $this->value('authority'), 'Empty = https://login.microsoftonline.com',
                'https://login.microsoftonline.com')
            . $this->text('graph_endpoint', 'Graph endpoint', $this->value('graph_endpoint'),
                'Empty = https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/v1.0')
            . $this->text('redirect_uri', 'Redirect URI', $this->value('redirect_uri'),
                'Register this URI in the app registration (Authentication). Empty = derived from this page\'s address.',
                $this->derivedRedirect())
            . '</details>';
        return $out . '<div class="buttons"><button type="submit" id="save" class="primary">Save</button></div></form>';
    }

    private function folderListNote(): string
    {
        if ($this->folderChoices !== null) {
            return 'Or choose one of the folders Outlook shows from the list: it is saved as its full path '
                . '(<code>/Exported</code>), which stays unambiguous.';
        }
        if ($this->folderListError) {
            return '<span id="folder-list-unavailable">The mailbox\'s folder list could not be read; the '
                . '<em>Mail connection test</em> shows why.</span>';
        }
        return '<span id="folder-list-later">A list of the mailbox\'s folders appears here once Squeeze holds a token.</span>';
    }

    private function derivedRedirect(): string
    {
        return App::derivedRedirectUri();
    }

    private function csrfField(): string
    {
        return '<input type="hidden" name="csrf" value="' . self::h($this->csrf) . '">';
    }

    private function actions(): string
    {
        if (!$this->settings->configured()) {
            return '';
        }
        $delegated = ($this->settings->values['flow'] ?? 'delegated') === 'delegated';
        $out = '<div class="buttons actions">';
        if ($delegated) {
            $out .= '<form method="post" action="/authenticate">' . $this->csrfField()
                . '<button type="submit" id="authenticate" class="primary">Authenticate</button></form>'
                . '<form method="post" action="/refresh">' . $this->csrfField()
                . '<button type="submit" id="refresh">Refresh token now</button></form>';
        }
        $out .= '<form method="post" action="/test#connection-test">' . $this->csrfField()
            . '<button type="submit" id="test-connection">Mail connection test</button></form></div>';
        if (!$delegated) {
            $out .= '<p class="muted">Client credentials: nobody signs in; the application permission is used.</p>';
        }
        return $out;
    }

    private function statusPanel(): string
    {
        $h = self::h(...);
        if (!$this->settings->configured()) {
            return '<p class="state neutral" id="status-state">Not configured</p><p>Fill in the form and press <em>Save</em>.</p>';
        }
        if ($this->statusError !== null) {
            return '<p class="state bad" id="status-state">Status unavailable</p><p class="message">' . $h($this->statusError) . '</p>';
        }
        $st = $this->status;
        if ($st === null) {
            return '';
        }
        $out = '';
        if ($st->authorized) {
            $out .= '<p class="state good" id="status-state">Authorized</p>';
        } elseif ($st->needsReauthorization && $st->reason !== 'not_authorized') {
            $out .= '<p class="state bad" id="status-state">Re-authentication needed</p>';
        } elseif ($st->flow !== 'delegated') {
            $out .= '<p class="state neutral" id="status-state">No token yet</p>';
        } else {
            $out .= '<p class="state neutral" id="status-state">Not authorized</p>';
        }
        if (!$st->authorized) {
            $out .= '<div class="reauth" id="reauth" data-reason="' . $h($st->reason) . '">' . $this->reasonText($st) . '</div>';
        }
        $rows = [
            ['Protocol', $h($st->flow === 'delegated' ? 'delegated' : 'client credentials'), 'flow'],
            ['Account', $st->account !== null ? $h($st->account) : '<span class="muted">—</span>', 'account'],
        ];
        if ($st->scopes !== []) {
            $rows[] = ['Scopes', implode(' ', array_map(fn ($s) => '<code>' . $h($s) . '</code>', $st->scopes)), 'scopes'];
        }
        $rows[] = ['Access token expires', self::instant($st->expiresAt), 'expires'];
        $rows[] = ['Tokens last obtained', self::instant($st->lastRefreshAt ?? $st->obtainedAt), 'last-refresh'];
        if ($st->flow === 'delegated') {
            $rows[] = ['Sign-in lapses if idle until', self::instant($st->refreshTokenExpiresAt)
                . '<small>Without a refresh before then (the refresh-tokens job runs every 50 minutes) the grant dies '
                . 'and someone has to sign in again.</small>', 'grant-death'];
        }
        if ($st->lastError !== null) {
            $rows[] = ['Last token error', '<span class="message">' . $h($st->lastError) . '</span>', 'last-error'];
        }
        $out .= '<table class="facts">';
        foreach ($rows as [$k, $v, $id]) {
            $out .= '<tr id="status-' . $id . '"><th>' . $h($k) . '</th><td>' . $v . '</td></tr>';
        }
        $out .= '</table>';
        if ($st->warnings !== []) {
            $out .= '<ul class="warnings" id="warnings">';
            foreach ($st->warnings as $w) {
                $out .= '<li>' . $h($w) . '</li>';
            }
            $out .= '</ul>';
        }
        return $out;
    }

    private function reasonText(TokenInfo $st): string
    {
        $h = self::h(...);
        $delegated = $st->flow === 'delegated';
        // Client credentials: the first request acquires the token; the hint is shown only while none is held.
        $press = $delegated ? ' Press <em>Authenticate</em> and sign in.'
            : ' <span id="token-hint">Run the <em>Mail connection test</em> to acquire a token.</span>';
        switch ($st->reason) {
            case 'not_authorized':
                return '<p>Squeeze has no token for this mailbox yet.' . $press . '</p>';
            case 'configuration_changed':
                $out = '<p><strong>The configuration changed in a way that invalidates the authorization.</strong>'
                    . $press . '</p>';
                if ($this->changed !== []) {
                    $out .= '<ul class="changed" id="changed-fields">';
                    foreach ($this->changed as [$label, $then, $now]) {
                        $out .= '<li>' . $h($label) . ': <del>' . $h($then) . '</del> → <ins>' . $h($now) . '</ins></li>';
                    }
                    $out .= '</ul>';
                }
                return $out;
            default:
                return '<p>The identity platform refused the stored grant (' . $h($st->reason)
                    . ($st->errorCode !== null ? ', ' . $h($st->errorCode) : '') . ').' . $press . '</p>';
        }
    }

    /**
     * Splits a check's detail into the problem and what to do about it. The extension appends its
     * remedy after " — " (Graph errors: hint_for() in src/core/graph.c, then " (request-id …)";
     * identity-platform errors: advice_for() in src/core/oauth.c); inside a longer detail (the
     * permissions check's "write: FAILED (…)") the closing parentheses stay with the problem.
     * @return array{0: string, 1: ?string} [problem, remedy or null]
     */
    public static function splitRemedy(string $detail): array
    {
        $at = strrpos($detail, ' — ');
        if ($at === false) {
            return [$detail, null];
        }
        $problem = substr($detail, 0, $at);
        $rest = substr($detail, $at + strlen(' — '));
        $tail = '';
        if (preg_match('/ \(request-id [^()]*\)/', $rest, $m, PREG_OFFSET_CAPTURE)) {
            $tail = $m[0][0] . substr($rest, $m[0][1] + strlen($m[0][0]));
            $rest = substr($rest, 0, $m[0][1]);
        }
        while (str_ends_with($rest, ')') && substr_count($rest, ')') > substr_count($rest, '(')) {
            $rest = substr($rest, 0, -1);
            $tail = ')' . $tail;
        }
        $remedy = trim($rest);
        if ($remedy === '') {
            return [$detail, null];
        }
        return [$problem . $tail, $remedy];
    }

    private function testTable(): string
    {
        $h = self::h(...);
        $t = $this->connectionTest;
        if (isset($t['error'])) {
            [$problem, $remedy] = self::splitRemedy((string) $t['error']);
            return '<p class="state bad" id="test-summary">The test could not run</p><p class="message">' . $h($problem) . '</p>'
                . ($remedy !== null ? '<div class="remedies" id="remedies"><h3>What to do</h3><p class="remedy-text">'
                    . $h(self::sentence($remedy)) . '</p></div>' : '');
        }
        $checks = (array) ($t['checks'] ?? []);
        $failed = count(array_filter($checks, fn ($c) => empty($c['ok'])));
        $out = $t['ok']
            ? '<p class="state good" id="test-summary">All ' . count($checks) . ' checks passed</p>'
            : '<p class="state bad" id="test-summary">' . $failed . ' of ' . count($checks) . ' checks failed</p>';
        $labels = ['token' => 'Access token', 'mailbox' => 'Mailbox', 'clock' => 'Clock',
            'folder.inbox' => 'Inbox folder', 'folder.exported' => 'Exported folder', 'folder.error' => 'Error folder',
            'permissions' => 'Permissions'];

        // One remedy for several checks (a mailbox without Exchange Online fails the mailbox and all three
        // folder checks with the same advice) is listed once below the table, numbered; the rows refer to it.
        $remedies = [];     // remedy text => ['n' => number, 'checks' => [label, ...]]
        $rows = '';
        // The Candidates column only when a folder check has candidates (an ambiguous or unknown name).
        $withCands = (bool) array_filter($checks, fn ($c) => !empty($c['candidates']) && is_array($c['candidates']));
        foreach ($checks as $name => $c) {
            $ok = !empty($c['ok']);
            $label = $labels[$name] ?? (string) $name;
            [$problem, $remedy] = self::splitRemedy((string) ($c['detail'] ?? ''));
            $ref = '';
            foreach ([$remedy, isset($c['hint']) && is_string($c['hint']) ? $c['hint'] : null] as $r) {
                if ($r === null || $r === '') {
                    continue;
                }
                $key = self::sentence($r);
                $remedies[$key] ??= ['n' => count($remedies) + 1, 'checks' => []];
                $remedies[$key]['checks'][] = $label;
                $n = $remedies[$key]['n'];
                $ref .= ' <a class="remedy-ref" href="#remedy-' . $n . '" data-remedy="' . $n . '">What to do: ' . $n . '</a>';
            }
            $cands = '';
            if (!empty($c['candidates']) && is_array($c['candidates'])) {
                $cands = '<ul class="candidates">' . implode('', array_map(fn ($p) => '<li><code>' . $h($p) . '</code></li>',
                    $c['candidates'])) . '</ul>';
            }
            $rows .= '<tr class="' . ($ok ? 'ok' : 'fail') . '" id="check-' . $h(str_replace('.', '-', (string) $name)) . '">'
                . '<td class="check-cell" data-label="Check">' . $h($label) . ' <code>' . $h($name) . '</code></td>'
                . '<td class="ok-cell" data-label="OK">' . ($ok ? '<span class="yes" title="ok">✔</span>' : '<span class="no" title="failed">✘</span>')
                . '</td><td class="detail-cell" data-label="Detail"><span class="detail">' . $h($problem) . '</span>' . $ref . '</td>'
                . ($withCands ? '<td class="candidates-cell" data-label="Candidates"' . ($cands === '' ? ' data-empty' : '') . '>'
                    . $cands . '</td>' : '') . '</tr>';
        }
        // What to do first (each remedy once, naming its checks), then the checks that refer to it.
        if ($remedies !== []) {
            $out .= '<div class="remedies" id="remedies"><h3>What to do</h3><ol>';
            foreach ($remedies as $text => $r) {
                $out .= '<li id="remedy-' . $r['n'] . '"><p class="remedy-text">' . $h($text) . '</p><p class="remedy-for">'
                    . (count($r['checks']) > 1 ? 'For the checks: ' : 'For the check: ') . $h(implode(', ', $r['checks'])) . '</p></li>';
            }
            $out .= '</ol></div>';
        }
        return $out . '<div class="table-wrap"><table class="checks' . ($withCands ? ' with-candidates' : '') . '"><colgroup>'
            . '<col class="c-check"><col class="c-ok"><col class="c-detail">' . ($withCands ? '<col class="c-candidates">' : '')
            . '</colgroup><thead><tr><th>Check</th><th>OK</th><th>Detail</th>' . ($withCands ? '<th>Candidates</th>' : '')
            . '</tr></thead><tbody>' . $rows . '</tbody></table></div>';
    }

    /** The extension's advice is a clause ("the mailbox is inactive, …"); shown on its own it is a sentence. */
    private static function sentence(string $s): string
    {
        $s = trim($s);
        $s = strtoupper(substr($s, 0, 1)) . substr($s, 1);
        return preg_match('/[.!?]$/', $s) ? $s : $s . '.';
    }
}
