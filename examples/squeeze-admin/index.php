<?php
declare(strict_types=1);

/*
 * Squeeze admin example: the e-mail importer configuration page on top of sqzgraph.
 * Front controller; every request comes here (php -S router script, or a rewrite rule).
 *
 *   SQUEEZE_ADMIN_DATA=/var/lib/squeeze-admin \
 *     php -d extension=/path/to/sqzgraph.so -S 127.0.0.1:8080 examples/squeeze-admin/index.php
 *
 * Routes: GET /  ·  POST /save  ·  POST /authenticate  ·  GET /api/v2/importers/email/authenticate/end
 *         POST /test  ·  POST /refresh  ·  GET /assets/style.css, /assets/app.js
 */

require __DIR__ . '/src/Settings.php';
require __DIR__ . '/src/Page.php';
require __DIR__ . '/src/App.php';

$path = (string) parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
$method = (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET');

$assets = ['/assets/style.css' => 'text/css; charset=utf-8', '/assets/app.js' => 'text/javascript; charset=utf-8'];
if (isset($assets[$path])) {
    header('Content-Type: ' . $assets[$path]);
    header('X-Content-Type-Options: nosniff');
    header('Cache-Control: no-cache');
    readfile(__DIR__ . $path);
    return;
}
if ($path === '/favicon.ico') {
    http_response_code(204);
    return;
}
if (!extension_loaded('sqzgraph')) {
    http_response_code(500);
    header('Content-Type: text/plain; charset=utf-8');
    echo "The sqzgraph extension is not loaded: start PHP with -d extension=/path/to/sqzgraph.so\n";
    return;
}
(new SqueezeAdmin\App())->handle($method, $path);
