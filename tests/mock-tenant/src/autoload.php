<?php
declare(strict_types=1);

// No composer: one class per file, except Http.php (Request, Response, Json).
spl_autoload_register(static function (string $class): void {
    if (!str_starts_with($class, 'MockTenant\\')) {
        return;
    }
    $name = substr($class, strlen('MockTenant\\'));
    $file = __DIR__ . '/' . (in_array($name, ['Request', 'Response', 'Json'], true) ? 'Http' : $name) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
