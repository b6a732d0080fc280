<?php
declare(strict_types=1);

namespace SqueezeAdmin;

use SqzGraph\AuthorizationException;
use SqzGraph\ConfigException;
use SqzGraph\Mailbox;

/** The controller: one method per route of index.php. */
final class App
{
    public const REDIRECT_PATH = '/api/v2/importers/email/authenticate/end';
    private const CSRF_COOKIE = 'squeeze_admin_csrf';
    private const FORM_KEYS = ['flow', 'tenant_id', 'client_id', 'credential', 'client_secret', 'client_secret_expires',
        'client_certificate', 'client_private_key', 'mailbox', 'folder_inbox', 'folder_exported', 'folder_error',
        'authority', 'graph_endpoint', 'redirect_uri'];

    private Settings $settings;
    private string $csrf;

    public function __construct()
    {
        $this->settings = Settings::load();
        $c = $_COOKIE[self::CSRF_COOKIE] ?? '';
        if (!is_string($c) || !preg_match('/^[A-Za-z0-9_-]{32,}$/', $c)) {
            $c = rtrim(strtr(base64_encode(random_bytes(24)), '+/', '-_'), '=');
            setcookie(self::CSRF_COOKIE, $c, ['path' => '/', 'httponly' => true, 'samesite' => 'Lax',
                'secure' => self::https()]);
        }
        $this->csrf = $c;
    }

    public function handle(string $method, string $path): void
    {
        header('Cache-Control: no-store');
        header('X-Content-Type-Options: nosniff');
        header('Referrer-Policy: no-referrer');
        header('X-Frame-Options: DENY');
        header("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
        try {
            match (true) {
                $path === '/' && $method === 'GET' => $this->show(),
                $path === '/save' && $method === 'POST' => $this->guard() && $this->save(),
                $path === '/authenticate' && $method === 'POST' => $this->guard() && $this->authenticate(),
                $path === self::REDIRECT_PATH && $method === 'GET' => $this->authenticateEnd(),
                $path === '/test' && $method === 'POST' => $this->guard() && $this->test(),
                $path === '/refresh' && $method === 'POST' => $this->guard() && $this->refresh(),
                default => $this->notFound(),
            };
        } catch (\Throwable $e) {
            // Unexpected: keep details in the server log, show the administrator-readable message of our own errors.
            error_log('squeeze-admin: ' . get_class($e) . ': ' . $e->getMessage() . ' at ' . $e->getFile() . ':' . $e->getLine());
            $page = $this->page();
            $page->result = ['kind' => 'error', 'id' => 'result', 'title' => 'Something went wrong',
                'text' => $e instanceof \SqzGraph\Exception ? $e->getMessage() : 'An internal error occurred; see the server log.'];
            $this->send($page, 500);
        }
    }

    public static function https(): bool
    {
        return ($_SERVER['HTTPS'] ?? '') !== '' && strtolower((string) $_SERVER['HTTPS']) !== 'off';
    }

    public static function derivedRedirectUri(): string
    {
        $host = (string) ($_SERVER['HTTP_HOST'] ?? 'localhost');
        if (!preg_match('/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/', $host)) {
            $host = 'localhost';
        }
        return (self::https() ? 'https' : 'http') . '://' . $host . self::REDIRECT_PATH;
    }

    // ------------------------------------------------------------------ routes

    private function show(): bool
    {
        $page = $this->page();
        $notices = [
            'saved' => ['success', 'Configuration saved.'],
        ];
        $n = $_GET['notice'] ?? '';
        if (is_string($n) && isset($notices[$n])) {
            $page->result = ['kind' => $notices[$n][0], 'id' => 'result', 'title' => $notices[$n][1], 'text' => ''];
        }
        $this->send($page);
        return true;
    }

    private function save(): bool
    {
        $in = [];
        foreach (self::FORM_KEYS as $k) {
            $v = $_POST[$k] ?? '';
            $in[$k] = is_string($v) ? trim($v) : '';
        }
        $v = $this->settings->values;
        $new = $v;
        foreach (['flow', 'tenant_id', 'client_id', 'mailbox', 'authority', 'graph_endpoint', 'redirect_uri'] as $k) {
            $new[$k] = $in[$k];
        }
        $new['flow'] = $in['flow'] === 'client_credentials' ? 'client_credentials' : 'delegated';
        $new['credential'] = $in['credential'] === 'certificate' ? 'certificate' : 'secret';
        if ($new['flow'] === 'delegated' && $new['redirect_uri'] === '') {
            $new['redirect_uri'] = self::derivedRedirectUri();
        }
        $new['folders'] = [];
        foreach (array_keys(Settings::DEFAULT_FOLDERS) as $w) {
            // The text field, unless the folder list next to it was changed (that works without JavaScript too).
            $in['folder_' . $w] = Page::chosenFolder($in['folder_' . $w], self::posted('folder_' . $w . '_pick'),
                self::posted('folder_' . $w . '_shown'));
            $new['folders'][$w] = $in['folder_' . $w] !== '' ? $in['folder_' . $w] : Settings::DEFAULT_FOLDERS[$w];
        }
        if ($new['credential'] === 'secret') {
            // An empty field keeps the stored secret; a new value replaces it (rotation).
            if ($in['client_secret'] !== '') {
                $new['client_secret'] = $in['client_secret'];
            }
            $new['client_secret_expires'] = $in['client_secret_expires'];
            unset($new['client_certificate'], $new['client_private_key']);
        } else {
            $new['client_certificate'] = $in['client_certificate'];
            if ($in['client_private_key'] !== '') {
                $new['client_private_key'] = $in['client_private_key'];
            }
            unset($new['client_secret'], $new['client_secret_expires']);
        }

        $candidate = clone $this->settings;
        $candidate->values = $new;
        try {
            $candidate->config();      // validates every option; names the offending one
        } catch (ConfigException $e) {
            $page = $this->page();
            $page->form = $in;
            $page->formError = $e->getMessage();
            $page->formErrorField = self::offendingField($e->getMessage());
            $page->result = ['kind' => 'error', 'id' => 'result', 'title' => 'The configuration was not saved', 'text' => ''];
            $this->send($page, 422);
            return true;
        }
        $candidate->save();
        $this->redirect('/?notice=saved');
        return true;
    }

    private function authenticate(): bool
    {
        if (!$this->settings->configured() || ($this->settings->values['flow'] ?? '') !== 'delegated') {
            return $this->fail('Cannot authenticate', 'Save a delegated configuration first.', 409);
        }
        $begin = $this->settings->authenticator()->beginAuthorization();
        $this->redirect($begin['url']);
        return true;
    }

    private function authenticateEnd(): bool
    {
        if (!$this->settings->configured()) {
            return $this->fail('Authentication failed', 'The e-mail importer is not configured.', 409);
        }
        $config = $this->settings->config();
        $page = null;
        try {
            $info = $this->settings->authenticator()->completeAuthorization($_GET);
            $this->settings->rememberAuthorization($config);
            $page = $this->page();
            $page->result = ['kind' => 'success', 'id' => 'result', 'title' => 'Squeeze is now authorized',
                'text' => 'Signed in as ' . ($info->account ?? 'an unnamed account') . '; tokens are stored and refreshed automatically.'];
            $this->send($page);
        } catch (AuthorizationException $e) {
            $page = $this->page();
            $text = $e->getMessage();
            if ($page->status?->authorized) {
                $text .= ' (The existing authorization' . ($page->status->account !== null ? ' of ' . $page->status->account : '')
                    . ' is unchanged.)';
            }
            $page->result = ['kind' => 'error', 'id' => 'result', 'title' => 'Authentication failed', 'text' => $text];
            $this->send($page, 400);
        }
        return true;
    }

    private function test(): bool
    {
        if (!$this->settings->configured()) {
            return $this->fail('Cannot test', 'Save a configuration first.', 409);
        }
        $page = $this->page();
        try {
            $page->connectionTest = (new Mailbox($this->settings->authenticator()))->testConnection();
        } catch (\SqzGraph\Exception $e) {
            $page->connectionTest = ['error' => $e->getMessage()];
        }
        $this->loadStatus($page);     // the test may have refreshed or acquired a token
        $this->send($page);           // (and with a token now held, send() reads the folder list)
        return true;
    }

    private function refresh(): bool
    {
        if (!$this->settings->configured()) {
            return $this->fail('Cannot refresh', 'Save a configuration first.', 409);
        }
        $page = $this->page();
        try {
            $info = $this->settings->authenticator()->refresh(true);
            $page->result = ['kind' => 'success', 'id' => 'result', 'title' => 'Tokens refreshed',
                'text' => 'New access token valid until ' . ($info->expiresAt !== null ? gmdate('Y-m-d H:i:s', $info->expiresAt) . ' UTC' : '?') . '.'];
        } catch (\SqzGraph\Exception $e) {
            $page->result = ['kind' => 'error', 'id' => 'result', 'title' => 'Refresh failed', 'text' => $e->getMessage()];
        }
        $this->loadStatus($page);
        $this->send($page);
        return true;
    }

    private function notFound(): bool
    {
        return $this->fail('Not found', 'There is no such page.', 404);
    }

    // ----------------------------------------------------------------- helpers

    private function guard(): bool
    {
        $t = $_POST['csrf'] ?? '';
        if (!is_string($t) || !hash_equals($this->csrf, $t)) {
            $this->fail('Request refused', 'The form expired or came from another site; reload the page and try again.', 403);
            return false;
        }
        return true;
    }

    private function fail(string $title, string $text, int $status): bool
    {
        $page = $this->page();
        $page->result = ['kind' => 'error', 'id' => 'result', 'title' => $title, 'text' => $text];
        $this->send($page, $status);
        return true;
    }

    private function page(): Page
    {
        $page = new Page($this->settings, $this->csrf);
        $this->loadStatus($page);
        return $page;
    }

    private function loadStatus(Page $page): void
    {
        $page->status = null;
        $page->statusError = null;
        $page->changed = [];
        if (!$this->settings->configured()) {
            return;
        }
        try {
            $config = $this->settings->config();
            $auth = $this->settings->authenticator();
            $page->status = $auth->status();
            if ($page->status->reason === 'configuration_changed') {
                $page->changed = $this->settings->changedBinding($config);
            }
        } catch (\SqzGraph\Exception $e) {
            $page->statusError = $e->getMessage();
        }
    }

    /**
     * The folder fields' choices: Mailbox::folders() without the hidden folders (Folder::$isHidden:
     * the folder or one above it is hidden, Outlook shows none of them). Only while a token is held:
     * without one the page never asks for one (delegated: nobody has signed in; client credentials:
     * the connection test acquires the first), and the fields stay plain text fields.
     */
    private function loadFolders(Page $page): void
    {
        if ($page->folderChoices !== null || $page->folderListError || !$page->status?->authorized) {
            return;
        }
        try {
            $page->folderChoices = [];
            foreach ((new Mailbox($this->settings->authenticator()))->folders() as $f) {
                if (!$f->isHidden) {
                    $page->folderChoices[] = ['path' => $f->path, 'name' => $f->name];
                }
            }
        } catch (\SqzGraph\Exception $e) {
            // The connection test explains it (with the remedy); the fields stay text fields.
            error_log('squeeze-admin: folder list: ' . get_class($e) . ': ' . $e->getMessage());
            $page->folderChoices = null;
            $page->folderListError = true;
        }
    }

    private function send(Page $page, int $status = 200): void
    {
        try {
            $this->loadFolders($page);
        } catch (\Throwable $e) {
            error_log('squeeze-admin: folder list: ' . get_class($e) . ': ' . $e->getMessage());
            $page->folderChoices = null;      // never a half-read list
            $page->folderListError = true;
        }
        http_response_code($status);
        header('Content-Type: text/html; charset=utf-8');
        echo $page->render();
    }

    private function redirect(string $url): void
    {
        http_response_code(303);
        header('Location: ' . $url);
    }

    private static function posted(string $key): string
    {
        $v = $_POST[$key] ?? '';
        return is_string($v) ? trim($v) : '';
    }

    /** Config's messages start with the option they are about ("client_secret is required …"). */
    private static function offendingField(string $message): ?string
    {
        if (preg_match('/^\s*(?:option\s+)?["\']?([a-z_]+)/', $message, $m)) {
            $map = ['folders' => 'folder_inbox', 'client_secret_expires' => 'client_secret_expires'];
            $k = $map[$m[1]] ?? $m[1];
            return in_array($k, self::FORM_KEYS, true) ? $k : null;
        }
        return null;
    }
}
