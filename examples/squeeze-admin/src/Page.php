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
    /** Paths of the mailbox's visible folders, read during the connection test. @var list<string> */
    public array $folderChoices = [];
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
        $out .= '<div class="columns"><section class="card" id="configuration"><h2>Configuration</h2>'
            . $this->form() . '</section><aside class="card" id="status"><h2>Status</h2>' . $this->statusPanel()
            . $this->actions() . '</aside></div>';
        if ($this->connectionTest !== null) {
            $out .= '<section class="card" id="connection-test"><h2>Mail connection test</h2>' . $this->testTable() . '</section>';
        }
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

    private function text(string $name, string $label, string $value, string $help = '', string $placeholder = '', string $type = 'text',
        string $list = ''): string
    {
        return $this->field($name, $label, '<input type="' . $type . '" id="' . self::h($name) . '" name="' . self::h($name)
            . '" value="' . self::h($value) . '"' . ($placeholder !== '' ? ' placeholder="' . self::h($placeholder) . '"' : '')
            . ($list !== '' ? ' list="' . self::h($list) . '"' : '')
            . ' autocomplete="off" spellcheck="false">', $help);
    }

    /** The folder fields' suggestions: the visible folders, once a connection test has read them. */
    private function folderDatalist(): string
    {
        if ($this->folderChoices === []) {
            return '';
        }
        return '<datalist id="folder-choices">' . implode('', array_map(fn ($p) => '<option value="' . self::h($p) . '">',
            $this->folderChoices)) . '</datalist>';
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
                . $opt('delegated', 'Delegated (a user signs in and consents)', $flow)
                . $opt('client_credentials', 'Client credentials (application permission)', $flow) . '</select>')
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
            . $this->text('folder_inbox', 'Inbox folder (polled)', $folder('inbox'), '', '', 'text', 'folder-choices')
            . $this->text('folder_exported', 'Exported folder (imported mail)', $folder('exported'), '', '', 'text', 'folder-choices')
            . $this->text('folder_error', 'Error folder (mail that could not be imported)', $folder('error'),
                'A name, a well-known name (<code>inbox</code>) or a path from the top (<code>Inbox/Invoices</code>).'
                . ($this->folderChoices !== [] ? ' The list offers the folders Outlook shows.' : ''), '', 'text', 'folder-choices')
            . $this->folderDatalist()
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
        $out .= '<form method="post" action="/test">' . $this->csrfField()
            . '<button type="submit" id="test-connection">Mail connection test</button></form></div>';
        if (!$delegated) {
            $out .= '<p class="muted">Client credentials: nobody signs in; the application permission is used. '
                . 'Run the connection test to acquire a token.</p>';
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
        $press = $delegated ? ' Press <em>Authenticate</em> and sign in.' : ' Run the connection test.';
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

    private function testTable(): string
    {
        $h = self::h(...);
        $t = $this->connectionTest;
        if (isset($t['error'])) {
            return '<p class="state bad" id="test-summary">The test could not run</p><p class="message">' . $h($t['error']) . '</p>';
        }
        $checks = (array) ($t['checks'] ?? []);
        $failed = count(array_filter($checks, fn ($c) => empty($c['ok'])));
        $out = $t['ok']
            ? '<p class="state good" id="test-summary">All ' . count($checks) . ' checks passed</p>'
            : '<p class="state bad" id="test-summary">' . $failed . ' of ' . count($checks) . ' checks failed</p>';
        $labels = ['token' => 'Access token', 'mailbox' => 'Mailbox', 'clock' => 'Clock',
            'folder.inbox' => 'Inbox folder', 'folder.exported' => 'Exported folder', 'folder.error' => 'Error folder',
            'permissions' => 'Permissions'];
        $out .= '<table class="checks"><thead><tr><th>Check</th><th>OK</th><th>Detail</th><th>Candidates</th></tr></thead><tbody>';
        foreach ($checks as $name => $c) {
            $ok = !empty($c['ok']);
            $cands = '';
            if (!empty($c['candidates']) && is_array($c['candidates'])) {
                $cands = '<ul class="candidates">' . implode('', array_map(fn ($p) => '<li><code>' . $h($p) . '</code></li>',
                    $c['candidates'])) . '</ul>';
            }
            $out .= '<tr class="' . ($ok ? 'ok' : 'fail') . '" id="check-' . $h(str_replace('.', '-', (string) $name)) . '">'
                . '<td>' . $h($labels[$name] ?? $name) . ' <code>' . $h($name) . '</code></td>'
                . '<td class="ok-cell">' . ($ok ? '<span class="yes" title="ok">✔</span>' : '<span class="no" title="failed">✘</span>')
                . '</td><td>' . $h($c['detail'] ?? '') . '</td><td>' . $cands . '</td></tr>';
        }
        return $out . '</tbody></table>';
    }
}
