<?php
declare(strict_types=1);

/*
 * Mock Microsoft 365 tenant: the router script for PHP's built-in web server.
 *
 *   MOCK_TENANT_STATE=/tmp/t.sqlite php -S 127.0.0.1:8080 tests/mock-tenant/router.php
 *
 * Prefer serve.php (or ctl.php start / server.inc), which puts a dispatcher in
 * front of several single-worker php -S backends; see README.md for why.
 */
require __DIR__ . '/src/autoload.php';

MockTenant\Router::run();
