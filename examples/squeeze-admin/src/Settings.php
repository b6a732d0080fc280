<?php
declare(strict_types=1);

namespace SqueezeAdmin;

use SqzGraph\Authenticator;
use SqzGraph\Config;
use SqzGraph\FileStore;

/**
 * The e-mail importer configuration as Squeeze keeps it: one JSON file in the data
 * directory (mode 0600, written atomically) plus the FileStore with the tokens next to it.
 *
 *   DATA_DIR/config.json   the form's values, the secret or private key included
 *   DATA_DIR/store/        SqzGraph\FileStore: token record, pending authorizations
 *   DATA_DIR/sqzgraph.log  one line per HTTP request of the extension (never a secret)
 */
final class Settings
{
    /** The fields that bind a grant (Config::fingerprint()), with the labels the page uses. */
    public const BINDING = [
        'flow' => 'protocol', 'authority' => 'authority', 'tenant_id' => 'tenant id', 'client_id' => 'client id',
        'redirect_uri' => 'redirect URI', 'graph_endpoint' => 'Graph endpoint', 'mailbox' => 'mailbox', 'scopes' => 'scopes',
    ];
    public const DEFAULT_FOLDERS = ['inbox' => 'Inbox', 'exported' => 'Exported', 'error' => 'Error'];

    /** @var array<string, mixed> */
    public array $values;

    private function __construct(public readonly string $dir, array $values)
    {
        $this->values = $values;
    }

    public static function dataDir(): string
    {
        $dir = getenv('SQUEEZE_ADMIN_DATA');
        return $dir !== false && $dir !== '' ? rtrim($dir, '/') : sys_get_temp_dir() . '/squeeze-admin';
    }

    public static function load(?string $dir = null): self
    {
        $dir ??= self::dataDir();
        if (!is_dir($dir) && !@mkdir($dir, 0700, true) && !is_dir($dir)) {
            throw new \RuntimeException("cannot create the data directory $dir");
        }
        $file = $dir . '/config.json';
        $values = [];
        if (is_file($file)) {
            $values = json_decode((string) file_get_contents($file), true);
            if (!is_array($values)) {
                throw new \RuntimeException("$file is not valid JSON; fix or delete it");
            }
        }
        return new self($dir, $values);
    }

    public function configured(): bool
    {
        return ($this->values['client_id'] ?? '') !== '';
    }

    public function get(string $key, string $default = ''): string
    {
        $v = $this->values[$key] ?? $default;
        return is_scalar($v) ? (string) $v : $default;
    }

    public function folder(string $which): string
    {
        return (string) ($this->values['folders'][$which] ?? self::DEFAULT_FOLDERS[$which]);
    }

    public function hasSecret(): bool
    {
        return ($this->values['client_secret'] ?? '') !== '';
    }

    public function hasPrivateKey(): bool
    {
        return ($this->values['client_private_key'] ?? '') !== '';
    }

    public function credential(): string
    {
        return ($this->values['credential'] ?? 'secret') === 'certificate' ? 'certificate' : 'secret';
    }

    /**
     * The SqzGraph\Config options of these values (without logger).
     * @return array<string, mixed>
     */
    public function options(): array
    {
        $v = $this->values;
        $o = [
            'flow' => $v['flow'] ?? 'delegated',
            'tenant_id' => (string) ($v['tenant_id'] ?? ''),
            'client_id' => (string) ($v['client_id'] ?? ''),
            'folders' => [
                'inbox' => $this->folder('inbox'), 'exported' => $this->folder('exported'), 'error' => $this->folder('error'),
            ],
        ];
        if ($this->credential() === 'certificate') {
            $o['client_certificate'] = (string) ($v['client_certificate'] ?? '');
            $o['client_private_key'] = (string) ($v['client_private_key'] ?? '');
        } else {
            $o['client_secret'] = (string) ($v['client_secret'] ?? '');
            if (($v['client_secret_expires'] ?? '') !== '') {
                $o['client_secret_expires'] = (string) $v['client_secret_expires'];
            }
        }
        if ($o['flow'] === 'delegated') {
            $o['redirect_uri'] = (string) ($v['redirect_uri'] ?? '');
        }
        foreach (['mailbox', 'authority', 'graph_endpoint'] as $k) {
            if (($v[$k] ?? '') !== '') {
                $o[$k] = (string) $v[$k];
            }
        }
        return $o;
    }

    public function config(): Config
    {
        $log = $this->dir . '/sqzgraph.log';
        if (!is_file($log)) {
            @touch($log);
            @chmod($log, 0600);
        }
        return new Config($this->options() + [
            'logger' => static function (string $level, string $message, array $context) use ($log): void {
                @file_put_contents($log, gmdate('Y-m-d\TH:i:s\Z') . " $level $message\n", FILE_APPEND | LOCK_EX);
            },
        ]);
    }

    public function authenticator(): Authenticator
    {
        return new Authenticator($this->config(), new FileStore($this->dir . '/store'));
    }

    /**
     * The grant-binding fields of a Config, defaults resolved (Config::toArray()).
     * @return array<string, mixed>
     */
    public static function binding(Config $config): array
    {
        $a = $config->toArray();
        $out = [];
        foreach (array_keys(self::BINDING) as $k) {
            $v = $a[$k] ?? null;
            if (is_array($v)) {
                sort($v);
            }
            $out[$k] = $v;
        }
        return $out;
    }

    /** Remembers which binding values the current authorization was granted under. */
    public function rememberAuthorization(Config $config): void
    {
        $this->values['authorized_with'] = self::binding($config);
        $this->save();
    }

    /**
     * Which grant-binding fields differ from those of the last authorization.
     * @return list<array{0: string, 1: string, 2: string}> [label, then, now]
     */
    public function changedBinding(Config $config): array
    {
        $then = $this->values['authorized_with'] ?? null;
        if (!is_array($then)) {
            return [];
        }
        $show = fn ($v) => is_array($v) ? implode(' ', $v) : (string) ($v ?? '');
        $out = [];
        foreach (self::binding($config) as $k => $now) {
            if (array_key_exists($k, $then) && $then[$k] != $now) {
                $out[] = [self::BINDING[$k], $show($then[$k]), $show($now)];
            }
        }
        return $out;
    }

    public function save(): void
    {
        $file = $this->dir . '/config.json';
        $tmp = $file . '.' . bin2hex(random_bytes(6)) . '.tmp';
        $json = json_encode($this->values, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
        $old = umask(0077);
        try {
            if (file_put_contents($tmp, $json . "\n", LOCK_EX) === false || !rename($tmp, $file)) {
                @unlink($tmp);
                throw new \RuntimeException("cannot write $file");
            }
        } finally {
            umask($old);
        }
        @chmod($file, 0600);
    }
}
