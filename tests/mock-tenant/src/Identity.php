<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * The Microsoft identity platform v2.0 endpoints (GRAPH-FACTS §1–2):
 * GET /{t}/oauth2/v2.0/authorize, POST /{t}/login (the sign-in/consent form),
 * POST /{t}/oauth2/v2.0/token.
 */
final class Identity
{
    public const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
    private const OIDC = ['openid', 'profile', 'email', 'offline_access'];
    private const CODE_LIFETIME = 600;                 // "typically expire after about 10 minutes"
    private const RT_MAX_INACTIVE = 90 * 86400;        // MaxInactiveTime 90 days (GRAPH-FACTS §2)
    private const ASSERTION_SKEW = 300;
    public const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

    private State $state;
    private Clock $clock;

    public function __construct(private readonly Context $ctx)
    {
        $this->state = $ctx->state;
        $this->clock = $ctx->clock;
    }

    public function handle(string $tenantSeg, string $action): Response
    {
        return match ($action) {
            'authorize' => $this->authorize($tenantSeg),
            'login' => $this->login($tenantSeg),
            'token' => $this->token($tenantSeg),
        };
    }

    // ------------------------------------------------------------- tenants, apps

    /** @return array{kind: string, tenant: ?array<string, mixed>}|null */
    private function resolveTenant(string $seg): ?array
    {
        $l = strtolower($seg);
        if (in_array($l, ['common', 'organizations', 'consumers'], true)) {
            return ['kind' => $l, 'tenant' => null];
        }
        foreach ($this->state->all('SELECT * FROM tenants') as $t) {
            if (strcasecmp($t['id'], $seg) === 0 || in_array($l, array_map('strtolower', json_decode($t['domains'], true)), true)) {
                return ['kind' => 'tenant', 'tenant' => $t];
            }
        }
        return null;
    }

    /** The app as seen from this tenant segment (single-tenant apps: only from their own tenant or common). */
    private function app(array $tenant, string $clientId): ?array
    {
        if ($tenant['kind'] === 'consumers') {
            return null;    // work/school apps are not in the Microsoft-account directory
        }
        $app = $this->state->one('SELECT * FROM apps WHERE client_id = ?', [$clientId]);
        if ($app === null || ($tenant['tenant'] !== null && $app['tenant_id'] !== $tenant['tenant']['id'])) {
            return null;
        }
        return $app;
    }

    private function appNotFound(string $clientId, string $seg): string
    {
        return "Application with identifier '$clientId' was not found in the directory '$seg'. This can happen if the "
            . 'application has not been installed by the administrator of the tenant or consented to by any user in the '
            . 'tenant. You may have sent your authentication request to the wrong tenant.';
    }

    /**
     * Exact match, except Microsoft's loopback rule (RFC 8252 §7.3): for http://127.0.0.1,
     * http://[::1] and http://localhost the port is ignored; scheme, host and path must match.
     */
    public static function redirectAllowed(string $uri, array $registered): bool
    {
        if (in_array($uri, $registered, true)) {
            return true;
        }
        $p = parse_url($uri);
        if (!is_array($p) || ($p['scheme'] ?? '') !== 'http' || !in_array($p['host'] ?? '', ['127.0.0.1', 'localhost', '[::1]'], true)) {
            return false;
        }
        foreach ($registered as $r) {
            $q = parse_url($r);
            if (is_array($q) && ($q['scheme'] ?? '') === 'http' && ($q['host'] ?? '') === $p['host']
                && ($q['path'] ?? '') === ($p['path'] ?? '') && ($q['query'] ?? '') === ($p['query'] ?? '')) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------- scopes

    /**
     * Split a scope string into Graph permissions and OIDC scopes. Graph scopes may be
     * bare ("Mail.Read" = Graph, GRAPH-FACTS §1.2), or prefixed with https://graph.microsoft.com/,
     * with this mock's own origin, or with Graph's app id.
     * @return array{graph: list<string>, oidc: list<string>, default: bool, forms: array<string, string>}|string error text
     */
    private function parseScopes(string $scope, array $app): array|string
    {
        $graph = [];
        $oidc = [];
        $forms = [];
        $default = false;
        $prefixes = ['https://graph.microsoft.com/', $this->ctx->origin . '/', self::GRAPH_APP_ID . '/'];
        foreach (preg_split('/\s+/', trim($scope)) ?: [] as $s) {
            if ($s === '') {
                continue;
            }
            if (in_array(strtolower($s), self::OIDC, true)) {
                $oidc[] = strtolower($s);
                continue;
            }
            $name = $s;
            $prefix = '';
            foreach ($prefixes as $p) {
                if (stripos($s, $p) === 0) {
                    $prefix = substr($s, 0, strlen($p));
                    $name = substr($s, strlen($p));
                    break;
                }
            }
            if ($prefix === '' && str_contains($s, '/')) {
                return "The provided value for the input parameter 'scope' is not valid. The scope '$s' does not exist.";
            }
            if ($name === '.default') {
                $default = true;
                foreach (json_decode($app['delegated'], true) as $d) {
                    $graph[] = $d;
                    $forms[$d] = $prefix . $d;
                }
                continue;
            }
            if (!preg_match('/^[A-Z][A-Za-z]*(\.[A-Za-z]+)+$/', $name)) {
                return "The provided value for the input parameter 'scope' is not valid. The scope '$s' is not valid.";
            }
            $graph[] = $name;
            $forms[$name] = $s;
        }
        if ($default && count($graph) !== count(json_decode($app['delegated'], true))) {
            // ".default cannot be mixed with dynamic scopes" (GRAPH-FACTS §1.2)
            return "The provided value for the input parameter 'scope' is not valid. '.default' cannot be combined with other scopes.";
        }
        return ['graph' => array_values(array_unique($graph)), 'oidc' => array_values(array_unique($oidc)),
            'default' => $default, 'forms' => $forms];
    }

    /** @return list<string> */
    private function consented(string $clientId, string $userId): array
    {
        $v = $this->state->value('SELECT scopes FROM consents WHERE client_id = ? AND user_id = ?', [$clientId, $userId]);
        return $v === null ? [] : json_decode((string) $v, true);
    }

    private function grantConsent(string $clientId, string $userId, array $graphScopes): void
    {
        $all = array_values(array_unique(array_merge($this->consented($clientId, $userId), $graphScopes)));
        $this->state->exec('INSERT INTO consents (client_id, user_id, scopes) VALUES (?, ?, ?) '
            . 'ON CONFLICT(client_id, user_id) DO UPDATE SET scopes = excluded.scopes', [$clientId, $userId, Json::encode($all)]);
    }

    // ---------------------------------------------------------------- authorize

    private function authorize(string $seg): Response
    {
        $q = $this->ctx->request->query;
        $tenant = $this->resolveTenant($seg);
        if ($tenant === null) {
            return Errors::idpPage($this->ctx, 400, 90002, "Tenant '$seg' not found. Check to make sure you have the correct "
                . 'tenant ID and are signing into the correct cloud.');
        }
        foreach (['client_id', 'redirect_uri'] as $p) {
            if (($q[$p] ?? '') === '') {
                return Errors::idpPage($this->ctx, 400, 900144, "The request body must contain the following parameter: '$p'.");
            }
        }
        $app = $this->app($tenant, $q['client_id']);
        if ($app === null) {
            return Errors::idpPage($this->ctx, 400, 700016, $this->appNotFound($q['client_id'], $seg));
        }
        // A redirect URI mismatch is shown as a page: Microsoft never redirects to an unregistered URI.
        if (!self::redirectAllowed($q['redirect_uri'], json_decode($app['redirect_uris'], true))) {
            return Errors::idpPage($this->ctx, 400, 50011, "The redirect URI '{$q['redirect_uri']}' specified in the request "
                . "does not match the redirect URIs configured for the application '{$app['client_id']}'. Make sure the redirect "
                . 'URI sent in the request matches one added to your application in the Azure portal. Navigate to '
                . 'https://aka.ms/redirectUriMismatchError to learn more about how to fix this.');
        }
        $req = [
            'tenant_seg' => $tenant['kind'] === 'tenant' ? $tenant['tenant']['id'] : $tenant['kind'],
            'app_tenant' => $app['tenant_id'], 'client_id' => $app['client_id'], 'redirect_uri' => $q['redirect_uri'],
            'state' => $q['state'] ?? null, 'nonce' => $q['nonce'] ?? null, 'response_mode' => $q['response_mode'] ?? 'query',
            'login_hint' => $q['login_hint'] ?? null, 'client_info' => ($q['client_info'] ?? '') === '1',
            'prompt' => $q['prompt'] ?? null, 'code_challenge' => $q['code_challenge'] ?? null,
            'code_challenge_method' => $q['code_challenge_method'] ?? null, 'scope' => $q['scope'] ?? '',
        ];
        if (($q['response_type'] ?? '') === '') {
            return $this->redirectError($req, 'invalid_request', 900144, "The request body must contain the following parameter: 'response_type'.");
        }
        if (!in_array('code', explode(' ', $q['response_type']), true)) {
            return $this->redirectError($req, 'unsupported_response_type', 700054,
                "response_type '{$q['response_type']}' is not enabled for the application.");
        }
        if ($req['scope'] === '') {
            return $this->redirectError($req, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
        }
        $scopes = $this->parseScopes($req['scope'], $app);
        if (is_string($scopes)) {
            return $this->redirectError($req, 'invalid_scope', 70011, $scopes);
        }
        if ($req['code_challenge'] !== null) {
            $req['code_challenge_method'] ??= 'plain';   // absent method with a challenge = plain (GRAPH-FACTS §1.2)
            if (!in_array($req['code_challenge_method'], ['S256', 'plain'], true)) {
                return $this->redirectError($req, 'invalid_request', 501492, 'Invalid code_challenge_method.');
            }
            if (!preg_match('/^[A-Za-z0-9._~-]{43,128}$/', $req['code_challenge'])) {
                return $this->redirectError($req, 'invalid_request', 501491, 'Invalid size of Code_Challenge parameter.');
            }
        }
        $req['scopes'] = $scopes;

        $autoconsent = (bool) $this->state->setting('autoconsent', false)
            || (bool) $this->state->value('SELECT autoconsent FROM tenants WHERE id = ?', [$app['tenant_id']]);
        if ($autoconsent) {
            $user = $this->findUser($req['login_hint'] ?? $this->defaultUser($app['tenant_id']) ?? '', $app['tenant_id']);
            if ($user !== null) {
                $this->grantConsent($app['client_id'], $user['id'], $scopes['graph']);
                return $this->issueCode($req, $user);
            }
        }
        $session = $this->sessionUser();
        $prompt = $req['prompt'];
        if ($session !== null && !in_array($prompt, ['login', 'consent', 'select_account'], true)
            && $session['tenant_id'] === $app['tenant_id']) {
            if (array_diff($scopes['graph'], $this->consented($app['client_id'], $session['id'])) === []) {
                return $this->issueCode($req, $session);
            }
            if ($prompt === 'none') {
                return $this->redirectError($req, 'interaction_required', 65001, "The user or administrator has not consented "
                    . "to use the application with ID '{$app['client_id']}' named '{$app['name']}'. Send an interactive "
                    . 'authorization request for this user and resource.', 'consent_required');
            }
        }
        if ($prompt === 'none') {
            // "If the request can't be completed silently by using SSO, ... returns an interaction_required error."
            return $this->redirectError($req, 'interaction_required', 50058,
                'A silent sign-in request was sent but no user is signed in.');
        }
        $id = Ids::token(24);
        $this->state->insert('auth_requests', ['id' => $id, 'data' => Json::encode($req), 'created' => $this->clock->now()]);
        return $this->page($seg, $id, $app, $req, null);
    }

    private function page(string $seg, string $ctxId, array $app, array $req, ?string $error): Response
    {
        $h = fn (?string $s) => htmlspecialchars((string) $s, ENT_QUOTES);
        $perms = implode('', array_map(fn ($s) => '<li>' . $h($s) . '</li>',
            array_merge($req['scopes']['graph'], $req['scopes']['oidc'])));
        $html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign in to your account</title></head><body>'
            . '<h1>Mock Microsoft sign-in</h1>'
            . ($error !== null ? '<p id="error" role="alert">' . $h($error) . '</p>' : '')
            . '<p><b id="app-name">' . $h($app['name']) . '</b> wants to:</p><ul id="permissions">' . $perms . '</ul>'
            . '<form id="consent" method="post" action="/' . $h(rawurlencode($seg)) . '/login">'
            . '<input type="hidden" name="ctx" value="' . $h($ctxId) . '">'
            . '<label for="username">Email</label> '
            . '<input type="email" id="username" name="username" value="' . $h($req['login_hint']) . '"> '
            . '<button type="submit" id="accept" name="action" value="accept">Accept</button> '
            . '<button type="submit" id="deny" name="action" value="deny">Cancel</button>'
            . '</form></body></html>';
        return Response::html(200, $html);
    }

    private function login(string $seg): Response
    {
        if ($this->ctx->request->method !== 'POST') {
            return Errors::idpPage($this->ctx, 405, 900561, 'The endpoint only accepts POST requests.');
        }
        $f = $this->ctx->request->form();
        $row = $this->state->one('SELECT * FROM auth_requests WHERE id = ?', [$f['ctx'] ?? '']);
        if ($row === null || $this->clock->now() - (float) $row['created'] > 3600) {
            return Errors::idpPage($this->ctx, 400, 90014, "The required field 'ctx' is missing or the sign-in session expired.");
        }
        $req = json_decode($row['data'], true);
        if (($f['action'] ?? '') !== 'accept') {
            $this->state->exec('DELETE FROM auth_requests WHERE id = ?', [$f['ctx']]);
            return $this->redirectError($req, 'access_denied', 65004, 'User declined to consent to access the app.');
        }
        $app = $this->state->one('SELECT * FROM apps WHERE client_id = ?', [$req['client_id']]);
        $user = $this->findUser($f['username'] ?? '', $app['tenant_id']);
        if ($user === null) {
            $name = $f['username'] ?? '';
            return $this->page($seg, $f['ctx'], $app, $req, "AADSTS50034: The user account $name does not exist in the "
                . "{$app['tenant_id']} directory. To sign into this application, the account must be added to the directory.");
        }
        $this->state->exec('DELETE FROM auth_requests WHERE id = ?', [$f['ctx']]);
        $this->grantConsent($app['client_id'], $user['id'], $req['scopes']['graph']);
        $sid = Ids::token(24);
        $this->state->insert('sessions', ['id' => $sid, 'user_id' => $user['id'], 'created' => $this->clock->now()]);
        $r = $this->issueCode($req, $user);
        $r->header('Set-Cookie', 'ESTSAUTH=' . $sid . '; path=/; HttpOnly');
        return $r;
    }

    private function sessionUser(): ?array
    {
        $sid = $this->ctx->request->cookies()['ESTSAUTH'] ?? null;
        if ($sid === null) {
            return null;
        }
        return $this->state->one('SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?', [$sid]);
    }

    private function defaultUser(string $tenantId): ?string
    {
        return $this->state->value('SELECT default_user FROM tenants WHERE id = ?', [$tenantId]);
    }

    private function findUser(string $upn, string $tenantId): ?array
    {
        return $this->state->one('SELECT * FROM users WHERE upn = ? COLLATE NOCASE AND tenant_id = ?', [trim($upn), $tenantId]);
    }

    private function issueCode(array $req, array $user): Response
    {
        $code = '1.AXkA' . Ids::token(96);
        $data = $req + ['user_id' => $user['id'], 'tenant_id' => $user['tenant_id']];
        $this->state->insert('codes', ['hash' => hash('sha256', $code), 'data' => Json::encode($data), 'created' => $this->clock->now()]);
        $params = ['code' => $code];
        if ($req['client_info']) {
            $params['client_info'] = Jwt::b64u(Json::encode(['uid' => $user['id'], 'utid' => $user['tenant_id']]));
        }
        if ($req['state'] !== null) {
            $params['state'] = $req['state'];
        }
        $params['session_state'] = Ids::guid();
        return $this->redirect($req, $params);
    }

    private function redirectError(array $req, string $error, int $aadsts, string $text, ?string $suberror = null): Response
    {
        $b = Errors::idpBody($this->ctx, $error, $aadsts, $text);
        $params = ['error' => $error, 'error_description' => $b['error_description']];
        if ($suberror !== null) {
            $params['error_subcode'] = $suberror;
        }
        if ($req['state'] !== null) {
            $params['state'] = $req['state'];
        }
        return $this->redirect($req, $params);
    }

    /** @param array<string, string> $params */
    private function redirect(array $req, array $params): Response
    {
        $uri = $req['redirect_uri'];
        if ($req['response_mode'] === 'form_post') {
            $h = fn (string $s) => htmlspecialchars($s, ENT_QUOTES);
            $fields = implode('', array_map(fn ($k, $v) => '<input type="hidden" name="' . $h($k) . '" value="' . $h($v) . '">',
                array_keys($params), $params));
            return Response::html(200, '<html><body onload="document.forms[0].submit()"><form method="post" action="'
                . $h($uri) . '">' . $fields . '</form></body></html>');
        }
        $sep = $req['response_mode'] === 'fragment' ? '#' : (str_contains($uri, '?') ? '&' : '?');
        return Response::redirect($uri . $sep . http_build_query($params, '', '&', PHP_QUERY_RFC3986));
    }

    // -------------------------------------------------------------------- token

    private function token(string $seg): Response
    {
        $r = $this->ctx->request;
        if ($r->method !== 'POST') {
            return Errors::idp($this->ctx, 400, 'invalid_request', 900561, 'The endpoint only accepts POST requests. Received a '
                . $r->method . ' request.');
        }
        $tenant = $this->resolveTenant($seg);
        if ($tenant === null) {
            return Errors::idp($this->ctx, 400, 'invalid_request', 90002, "Tenant '$seg' not found. Check to make sure you have "
                . 'the correct tenant ID and are signing into the correct cloud.');
        }
        $f = $r->form();
        [$basicId, $basicSecret] = $this->basicAuth();
        $grant = $f['grant_type'] ?? '';
        self::describeForLog($this->ctx);
        if ($grant === '') {
            return $this->missing('grant_type');
        }
        if (!in_array($grant, ['authorization_code', 'refresh_token', 'client_credentials'], true)) {
            return Errors::idp($this->ctx, 400, 'unsupported_grant_type', 70003,
                "The app requested an unsupported grant type '$grant'.");
        }
        if ($grant === 'client_credentials' && in_array($tenant['kind'], ['common', 'consumers'], true)) {
            return Errors::idp($this->ctx, 400, 'invalid_request', 9001023, 'The grant type is not supported over the /common '
                . 'or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.');
        }
        $clientId = $f['client_id'] ?? $basicId ?? '';
        if ($clientId === '') {
            return $this->missing('client_id');
        }
        $app = $this->app($tenant, $clientId);
        if ($app === null) {
            return Errors::idp($this->ctx, 400, 'unauthorized_client', 700016, $this->appNotFound($clientId, $seg));
        }
        $authError = $this->authenticateClient($app, $f, $basicSecret, $seg, $grant);
        if ($authError !== null) {
            return $authError;
        }
        return match ($grant) {
            'authorization_code' => $this->redeemCode($app, $f, $tenant),
            'refresh_token' => $this->redeemRefreshToken($app, $f),
            'client_credentials' => $this->clientCredentials($app, $f),
        };
    }

    /** Sets the log fields of a token request (grant_type, token_request) on the context. */
    public static function describeForLog(Context $ctx): void
    {
        $f = $ctx->request->form();
        $grant = (string) ($f['grant_type'] ?? '');
        $ctx->grantType = $grant === '' ? null : $grant;
        $h = $ctx->request->header('authorization') ?? '';
        $ctx->tokenRequest = self::describeTokenRequest($f, stripos($h, 'Basic ') === 0);
    }

    /**
     * What a token request carried, for the request log, without any secret: the form's
     * parameter names, the non-secret values (scope, redirect_uri, client_id), how the client
     * authenticated, and a client assertion's header and claims (never its signature).
     * @param array<string, string> $f @return array<string, mixed>
     */
    private static function describeTokenRequest(array $f, bool $basic): array
    {
        $names = array_keys($f);
        sort($names);
        $d = ['params' => $names, 'client_id' => $f['client_id'] ?? null, 'scope' => $f['scope'] ?? null,
            'redirect_uri' => $f['redirect_uri'] ?? null,
            'client_auth' => isset($f['client_assertion']) ? 'client_assertion' : (isset($f['client_secret']) ? 'client_secret'
                : ($basic ? 'basic' : 'none')),
            'assertion' => null];
        if (isset($f['client_assertion'])) {
            $j = Jwt::decode($f['client_assertion']);
            $d['assertion'] = $j === null ? 'malformed' : ['header' => $j['header'], 'claims' => $j['claims']];
        }
        return $d;
    }

    private function missing(string $param): Response
    {
        return Errors::idp($this->ctx, 400, 'invalid_request', 900144, "The request body must contain the following parameter: '$param'.");
    }

    /** Client auth by HTTP Basic (RFC 6749 §2.3.1: form-urlencoded id and secret). @return array{0: ?string, 1: ?string} */
    private function basicAuth(): array
    {
        $h = $this->ctx->request->header('authorization') ?? '';
        if (stripos($h, 'Basic ') !== 0) {
            return [null, null];
        }
        $raw = base64_decode(trim(substr($h, 6)), true);
        if ($raw === false || !str_contains($raw, ':')) {
            return [null, null];
        }
        [$id, $secret] = explode(':', $raw, 2);
        return [urldecode($id), urldecode($secret)];
    }

    private function authenticateClient(array $app, array $f, ?string $basicSecret, string $seg, string $grant): ?Response
    {
        $secret = $f['client_secret'] ?? $basicSecret;
        $assertion = $f['client_assertion'] ?? null;
        if ($app['public_client']) {
            if ($secret !== null || $assertion !== null) {
                return Errors::idp($this->ctx, 401, 'invalid_client', 700025,
                    "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
            }
            if ($grant === 'client_credentials') {
                return Errors::idp($this->ctx, 400, 'unauthorized_client', 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
            }
            return null;
        }
        if ($assertion !== null) {
            return $this->verifyAssertion($app, $assertion, $f['client_assertion_type'] ?? '', $seg);
        }
        if ($secret === null || $secret === '') {
            return Errors::idp($this->ctx, 401, 'invalid_client', 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        $now = $this->clock->epoch();
        foreach (json_decode($app['secrets'], true) as $s) {
            if (hash_equals($s['value'], $secret)) {
                if ($s['expires'] <= $now) {
                    return Errors::idp($this->ctx, 401, 'invalid_client', 7000222, "The provided client secret keys for app "
                        . "'{$app['client_id']}' are expired. Visit the Azure portal to create new keys for your app: "
                        . 'https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: '
                        . 'https://aka.ms/certCreds.');
                }
                return null;
            }
        }
        return Errors::idp($this->ctx, 401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret '
            . 'being sent in the request is the client secret value, not the client secret ID, for a secret added to app '
            . "'{$app['client_id']}'.");
    }

    /** Certificate credential (GRAPH-FACTS §1.3): RS256 or PS256, x5t#S256 or x5t, aud = token endpoint. */
    private function verifyAssertion(array $app, string $jwt, string $type, string $seg): ?Response
    {
        $fail = fn (int $code, string $text) => Errors::idp($this->ctx, 401, 'invalid_client', $code, $text);
        if ($type !== self::ASSERTION_TYPE) {
            return Errors::idp($this->ctx, 400, 'invalid_request', 900144,
                "The request body must contain the following parameter: 'client_assertion_type'.");
        }
        $d = Jwt::decode($jwt);
        if ($d === null) {
            return $fail(50027, 'JWT token is invalid or malformed.');
        }
        $alg = $d['header']['alg'] ?? '';
        if (!in_array($alg, ['RS256', 'PS256'], true)) {
            return $fail(5002738, "Invalid JWT token. '$alg' is not a supported signature algorithm.");
        }
        $thumb = $d['header']['x5t#S256'] ?? null;
        $kind = 'sha256';
        if ($thumb === null) {
            $thumb = $d['header']['x5t'] ?? null;
            $kind = 'sha1';
        }
        $cert = null;
        foreach (json_decode($app['certs'], true) as $pem) {
            if ($thumb !== null && hash_equals(Jwt::thumbprints($pem)[$kind], (string) $thumb)) {
                $cert = $pem;
            }
        }
        if ($cert === null) {
            return $fail(700027, 'The certificate with identifier used to sign the client assertion is not registered on '
                . "application. [Reason - The key was not found., Thumbprint of key used by client: '" . (string) $thumb . "']");
        }
        $pub = openssl_pkey_get_public($cert);
        if ($pub === false || !Jwt::verify($d['input'], $d['signature'], $pub, $alg)) {
            return $fail(700027, 'Client assertion failed signature validation.');
        }
        $c = $d['claims'];
        if (($c['iss'] ?? null) !== $app['client_id'] || ($c['sub'] ?? null) !== $app['client_id']) {
            return $fail(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        $auds = [$this->ctx->origin . '/' . $seg . '/oauth2/v2.0/token', $this->ctx->origin . '/' . $app['tenant_id'] . '/oauth2/v2.0/token'];
        foreach (json_decode((string) $this->state->value('SELECT domains FROM tenants WHERE id = ?', [$app['tenant_id']]), true) as $dom) {
            $auds[] = $this->ctx->origin . '/' . $dom . '/oauth2/v2.0/token';
        }
        if (!in_array($c['aud'] ?? null, $auds, true)) {
            return $fail(700212, "The client assertion's audience claim '" . (is_string($c['aud'] ?? null) ? $c['aud'] : '')
                . "' does not match the token endpoint '" . $auds[0] . "'.");
        }
        $now = $this->clock->epoch();
        $exp = $c['exp'] ?? null;
        $nbf = $c['nbf'] ?? $c['iat'] ?? null;
        if (!is_int($exp) || $now > $exp + self::ASSERTION_SKEW || (is_int($nbf) && $now < $nbf - self::ASSERTION_SKEW)) {
            return $fail(700024, sprintf('Client assertion is not within its valid time range. Current time: %s, '
                . 'assertion valid from %s, expiry time of assertion %s.', gmdate('Y-m-d\TH:i:s.0000000\Z', $now),
                is_int($nbf) ? gmdate('Y-m-d\TH:i:s.0000000\Z', $nbf) : 'unknown',
                is_int($exp) ? gmdate('Y-m-d\TH:i:s.0000000\Z', $exp) : 'unknown'));
        }
        return null;
    }

    private function redeemCode(array $app, array $f, array $tenant): Response
    {
        foreach (['code', 'redirect_uri'] as $p) {
            if (($f[$p] ?? '') === '') {
                return $this->missing($p);
            }
        }
        $bad = fn (int $code, string $text, ?string $sub = null) => Errors::idp($this->ctx, 400, 'invalid_grant', $code, $text, $sub);
        return $this->state->tx(function () use ($app, $f, $tenant, $bad) {
            $hash = hash('sha256', $f['code']);
            $row = $this->state->one('SELECT * FROM codes WHERE hash = ?', [$hash]);
            if ($row === null) {
                return $bad(70000, "The provided value for the 'code' parameter is not valid.");
            }
            $data = json_decode($row['data'], true);
            if ($data['client_id'] !== $app['client_id']) {
                return $bad(70000, "The provided value for the 'code' parameter is not valid. The code was issued to a different client.");
            }
            if ($row['redeemed'] !== null) {
                return $bad(54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
            }
            if ($this->clock->now() - (float) $row['created'] > self::CODE_LIFETIME) {
                return $bad(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new '
                    . 'interactive authorization request for this user and resource.');
            }
            $seg = $tenant['kind'] === 'tenant' ? $tenant['tenant']['id'] : $tenant['kind'];
            if ($seg !== $data['tenant_seg']) {
                return $bad(700005, 'Provided Authorization Code is intended to use against other tenant, thus rejected. '
                    . 'It must be redeemed against same tenant it was acquired for (/common or /{tenant-ID}).');
            }
            if ($f['redirect_uri'] !== $data['redirect_uri']) {
                return $bad(50011, "The redirect URI '{$f['redirect_uri']}' specified in the request does not match the "
                    . "redirect URI '{$data['redirect_uri']}' provided when requesting the authorization code.");
            }
            if ($data['code_challenge'] !== null) {
                $v = $f['code_verifier'] ?? '';
                if ($v === '') {
                    return $bad(50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.');
                }
                $expected = $data['code_challenge_method'] === 'S256' ? Jwt::b64u(hash('sha256', $v, true)) : $v;
                if (!hash_equals($data['code_challenge'], $expected)) {
                    return $bad(501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
                }
            }
            $this->state->exec('UPDATE codes SET redeemed = ? WHERE hash = ?', [$this->clock->now(), $hash]);
            $user = $this->state->one('SELECT * FROM users WHERE id = ?', [$data['user_id']]);
            $scopes = $data['scopes'];
            if (($f['scope'] ?? '') !== '') {
                $asked = $this->parseScopes($f['scope'], $app);
                if (is_string($asked)) {
                    return Errors::idp($this->ctx, 400, 'invalid_scope', 70011, $asked);
                }
                $scopes['oidc'] = array_values(array_unique(array_merge($scopes['oidc'], $asked['oidc'])));
            }
            return $this->issueUserTokens($app, $user, $scopes, $data['nonce'], $data['client_info'] || ($f['client_info'] ?? '') === '1');
        });
    }

    private function redeemRefreshToken(array $app, array $f): Response
    {
        $rt = $f['refresh_token'] ?? '';
        if ($rt === '') {
            return $this->missing('refresh_token');
        }
        $bad = fn (int $code, string $text, ?string $sub = null) => Errors::idp($this->ctx, 400, 'invalid_grant', $code, $text, $sub);
        return $this->state->tx(function () use ($app, $f, $rt, $bad) {
            $row = $this->state->one('SELECT * FROM refresh_tokens WHERE hash = ?', [hash('sha256', $rt)]);
            if ($row === null) {
                return $bad(9002313, 'Invalid request. Request is malformed or invalid.');
            }
            if ($row['client_id'] !== $app['client_id']) {
                return $bad(70000, 'Provided grant is invalid or malformed. The refresh token was issued to a different client.');
            }
            $user = $this->state->one('SELECT * FROM users WHERE id = ?', [$row['user_id']]);
            $now = $this->clock->now();
            if ($user === null || (float) $user['tokens_valid_from'] > (float) $row['issued']) {
                $issued = gmdate('Y-m-d\TH:i:s', (int) $row['issued']);
                $from = gmdate('Y-m-d\TH:i:s', (int) ($user['tokens_valid_from'] ?? $now));
                return (int) ($user['revoke_code'] ?? 50173) === 70008
                    ? $bad(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a '
                        . 'new interactive authorization request for this user and resource.', 'bad_token')
                    : $bad(50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed. The "
                        . "user might have changed or reset their password. The grant was issued on '$issued' and the "
                        . "TokensValidFrom date (before which tokens are not valid) for this user is '$from'.", 'bad_token');
            }
            if ($now - (float) $row['last_used'] > self::RT_MAX_INACTIVE) {
                return $bad(700082, 'The refresh token has expired due to inactivity. The token was issued on '
                    . gmdate('Y-m-d\TH:i:s.0000000\Z', (int) $row['issued']) . ' and was inactive for 90.00:00:00.', 'bad_token');
            }
            // Strict rotation (POST /_mock/settings {"refresh_token_reuse":"refuse"}; not Microsoft's behaviour, which
            // keeps a used refresh token valid, GRAPH-FACTS §2): a refresh token works once. It proves that a client
            // stores every rotated token before it uses it again. Code and text: AADSTS70000 InvalidGrant, "refresh
            // token not valid" (GRAPH-FACTS §1.6), the closest documented one; the sentence after it is the mock's.
            if ($row['redeemed'] !== null && $this->state->setting('refresh_token_reuse', 'allow') === 'refuse') {
                return $bad(70000, 'Provided grant is invalid or malformed. The refresh token was already redeemed on '
                    . gmdate('Y-m-d\TH:i:s.0000000\Z', (int) $row['redeemed']) . '.');
            }
            $scopes = json_decode($row['scopes'], true);
            $consented = $this->consented($app['client_id'], $user['id']);
            if (($f['scope'] ?? '') !== '') {
                $asked = $this->parseScopes($f['scope'], $app);
                if (is_string($asked)) {
                    return Errors::idp($this->ctx, 400, 'invalid_scope', 70011, $asked);
                }
                // An RT is "valid for all permissions that your client has already received consent for".
                $scopes = ['graph' => $asked['graph'], 'oidc' => array_values(array_unique(array_merge($asked['oidc'], ['offline_access']))),
                    'default' => $asked['default'], 'forms' => $asked['forms']];
            }
            if (array_diff($scopes['graph'], $consented) !== [] || ($consented === [] && $scopes['graph'] !== [])) {
                return $bad(65001, "The user or administrator has not consented to use the application with ID "
                    . "'{$app['client_id']}' named '{$app['name']}'. Send an interactive authorization request for this "
                    . 'user and resource.', 'consent_required');
            }
            // Rotation: a new RT on every use; the old one is NOT revoked (GRAPH-FACTS §2), only marked used.
            $this->state->exec('UPDATE refresh_tokens SET last_used = ?, redeemed = COALESCE(redeemed, ?) WHERE hash = ?',
                [$now, $now, $row['hash']]);
            return $this->issueUserTokens($app, $user, $scopes, null, ($f['client_info'] ?? '') === '1');
        });
    }

    private function clientCredentials(array $app, array $f): Response
    {
        $scope = trim($f['scope'] ?? '');
        if ($scope === '') {
            return $this->missing('scope');
        }
        $resources = ['https://graph.microsoft.com', $this->ctx->origin, self::GRAPH_APP_ID];
        if (!str_ends_with($scope, '/.default') || str_contains($scope, ' ')) {
            return Errors::idp($this->ctx, 400, 'invalid_scope', 1002012, "The provided value for scope $scope is not valid. "
                . 'Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).');
        }
        $resource = substr($scope, 0, -strlen('/.default'));
        if (!in_array(rtrim($resource, '/'), $resources, true)) {
            return Errors::idp($this->ctx, 400, 'invalid_resource', 500011, "The resource principal named $resource was not "
                . "found in the tenant named {$app['tenant_id']}. This can happen if the application has not been installed "
                . 'by the administrator of the tenant or consented to by any user in the tenant. You might have sent your '
                . 'authentication request to the wrong tenant.');
        }
        $now = $this->clock->epoch();
        $life = (int) $this->state->setting('access_token_lifetime', 3599);
        $roles = json_decode($app['roles'], true);
        $claims = ['aud' => $this->ctx->origin, 'iss' => 'https://sts.windows.net/' . $app['tenant_id'] . '/',
            'iat' => $now, 'nbf' => $now, 'exp' => $now + $life, 'aio' => Ids::token(24), 'app_displayname' => $app['name'],
            'appid' => $app['client_id'], 'appidacr' => '1', 'idp' => 'https://sts.windows.net/' . $app['tenant_id'] . '/',
            'idtyp' => 'app', 'oid' => $app['sp_oid']];
        if ($roles !== []) {
            $claims['roles'] = $roles;    // app-only tokens can lack roles (GRAPH-FACTS §6)
        }
        $claims += ['sub' => $app['sp_oid'], 'tid' => $app['tenant_id'], 'uti' => Ids::token(16), 'ver' => '1.0'];
        $at = Jwt::issue($claims);
        $this->storeAccessToken($at, $app['client_id'], $app['tenant_id'], null, 'app', '', $roles, $now, $now + $life);
        return $this->tokenResponse(['token_type' => 'Bearer', 'expires_in' => $life, 'ext_expires_in' => $life,
            'access_token' => $at], false);
    }

    private function issueUserTokens(array $app, array $user, array $scopes, ?string $nonce, bool $clientInfo): Response
    {
        $now = $this->clock->epoch();
        $life = (int) $this->state->setting('access_token_lifetime', 3599);
        $scp = implode(' ', $scopes['graph']);
        $claims = ['aud' => $this->ctx->origin, 'iss' => 'https://sts.windows.net/' . $user['tenant_id'] . '/',
            'iat' => $now, 'nbf' => $now, 'exp' => $now + $life, 'acct' => 0, 'acr' => '1', 'aio' => Ids::token(24),
            'amr' => ['pwd'], 'app_displayname' => $app['name'], 'appid' => $app['client_id'], 'appidacr' => '1',
            'idtyp' => 'user', 'name' => $user['name'], 'oid' => $user['id'], 'scp' => $scp, 'sub' => Ids::token(16),
            'tid' => $user['tenant_id'], 'unique_name' => $user['upn'], 'upn' => $user['upn'], 'uti' => Ids::token(16),
            'ver' => '1.0'];
        $at = Jwt::issue($claims);
        $this->storeAccessToken($at, $app['client_id'], $user['tenant_id'], $user['id'], 'delegated', $scp, [], $now, $now + $life);
        $forms = $scopes['forms'] ?? [];
        $scopeOut = array_merge(array_map(fn ($g) => $forms[$g] ?? $g, $scopes['graph']), $scopes['oidc']);
        $body = ['token_type' => 'Bearer', 'scope' => implode(' ', $scopeOut), 'expires_in' => $life,
            'ext_expires_in' => $life, 'access_token' => $at];
        if (in_array('offline_access', $scopes['oidc'], true)) {
            $rt = '1.AXkA' . Ids::token(220);
            $this->state->insert('refresh_tokens', ['hash' => hash('sha256', $rt), 'client_id' => $app['client_id'],
                'user_id' => $user['id'], 'tenant_id' => $user['tenant_id'], 'scopes' => Json::encode($scopes),
                'issued' => $this->clock->now(), 'last_used' => $this->clock->now()]);
            $body['refresh_token'] = $rt;
        }
        if (in_array('openid', $scopes['oidc'], true)) {
            $id = ['aud' => $app['client_id'], 'iss' => $this->ctx->origin . '/' . $user['tenant_id'] . '/v2.0',
                'iat' => $now, 'nbf' => $now, 'exp' => $now + 3600, 'name' => $user['name'], 'oid' => $user['id'],
                'preferred_username' => $user['upn'], 'sub' => Ids::token(16), 'tid' => $user['tenant_id'], 'ver' => '2.0'];
            if ($nonce !== null) {
                $id['nonce'] = $nonce;
            }
            $body['id_token'] = Jwt::issue($id);
        }
        if ($clientInfo) {
            $body['client_info'] = Jwt::b64u(Json::encode(['uid' => $user['id'], 'utid' => $user['tenant_id']]));
        }
        return $this->tokenResponse($body, true);
    }

    private function storeAccessToken(string $at, string $clientId, string $tid, ?string $uid, string $kind, string $scp,
        array $roles, int $iat, int $exp): void
    {
        $this->state->insert('access_tokens', ['hash' => hash('sha256', $at), 'client_id' => $clientId, 'tenant_id' => $tid,
            'user_id' => $uid, 'kind' => $kind, 'scp' => $scp, 'roles' => Json::encode($roles), 'iat' => $iat, 'exp' => $exp]);
    }

    /** Applies POST /_mock/token-overrides: values verbatim (a string "3599", -5, ...), null = omit the field. */
    private function tokenResponse(array $body, bool $delegated): Response
    {
        $o = (array) $this->state->setting('token_overrides', []);
        foreach (['token_type', 'scope', 'expires_in', 'ext_expires_in', 'refresh_in'] as $k) {
            if (array_key_exists($k, $o)) {
                if ($o[$k] === null) {
                    unset($body[$k]);
                } else {
                    $body[$k] = $o[$k];
                }
            }
        }
        if (!empty($o['omit_refresh_token'])) {
            unset($body['refresh_token']);
        }
        foreach ((array) ($o['extra'] ?? []) as $k => $v) {
            $body[$k] = $v;
        }
        $r = Response::json(200, $body, 'application/json; charset=utf-8');
        $r->json = false;
        $r->header('Cache-Control', 'no-store, no-cache');
        $r->header('Pragma', 'no-cache');
        return $r;
    }

    /** GET /error?code=N — what error_uri points at. */
    public static function errorPage(Context $ctx): Response
    {
        $code = (int) ($ctx->request->query['code'] ?? 0);
        return Response::html(200, '<!DOCTYPE html><html><body><h1>AADSTS' . $code . '</h1><p>Mock tenant: see '
            . 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes</p></body></html>');
    }
}
