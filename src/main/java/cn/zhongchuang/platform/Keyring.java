package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Numbered keys of one purpose (the SM4 key of personal data, the seal key): the current
 * one, which new values are written under, and retired ones, which are still read until
 * every value written under them has been rewritten. Each stored value names the id of
 * its key, so keys can rotate without a stop.
 * <p>
 * From configuration (production): the current key as base64 (e.g.
 * {@code ZHONGCHUANG_CRYPTO_SM4_KEY}), its id ({@code …_KEY_ID}, default 1) and the
 * retired keys as {@code id:base64,id:base64} ({@code …_RETIRED_KEYS}). From files in the
 * data directory (demo and development, and the commands run on its data directory): the
 * file {@code name} is key 1, {@code name.2}, {@code name.3}, … the later ones; the
 * highest is current; each file holds base64 of the key, mode 600. A key that is no
 * longer needed is removed by deleting its file (or its entry).
 */
public final class Keyring {

	private final int currentId;

	private final Map<Integer, byte[]> keys;

	/** A keyring of these keys; {@code currentId} must be one of them. */
	public Keyring(int currentId, Map<Integer, byte[]> keys) {
		if (!keys.containsKey(currentId)) {
			throw new IllegalArgumentException("the current key " + currentId + " is not in the keyring");
		}
		Map<Integer, byte[]> copy = new TreeMap<>();
		keys.forEach((id, key) -> {
			if (id < 1) {
				throw new IllegalArgumentException("key ids are positive, got " + id);
			}
			copy.put(id, key.clone());
		});
		this.currentId = currentId;
		this.keys = Collections.unmodifiableMap(copy);
	}

	/** A keyring of one key, id 1. */
	public static Keyring single(byte[] key) {
		return new Keyring(1, Map.of(1, key));
	}

	public int currentId() {
		return this.currentId;
	}

	public byte[] current() {
		return this.keys.get(this.currentId).clone();
	}

	/** The key of this id, if the keyring still has it. */
	public Optional<byte[]> key(int id) {
		return Optional.ofNullable(this.keys.get(id)).map(byte[]::clone);
	}

	public Set<Integer> ids() {
		return new TreeSet<>(this.keys.keySet());
	}

	/** The ids of the retired keys (all but the current one). */
	public Set<Integer> retiredIds() {
		Set<Integer> ids = ids();
		ids.remove(this.currentId);
		return ids;
	}

	/**
	 * A keyring from configuration: the current key (base64), its id, and the retired
	 * keys as {@code id:base64,id:base64} (may be blank). Messages never contain a key.
	 */
	public static Keyring fromConfiguration(String currentBase64, int currentId, String retired) {
		Map<Integer, byte[]> keys = new TreeMap<>();
		if (retired != null && !retired.isBlank()) {
			for (String entry : retired.split(",")) {
				String e = entry.strip();
				int colon = e.indexOf(':');
				if (colon < 1) {
					throw new IllegalArgumentException("a retired key is written id:base64");
				}
				int id;
				try {
					id = Integer.parseInt(e.substring(0, colon).strip());
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("a retired key's id is a number");
				}
				keys.put(id, decode(e.substring(colon + 1), "retired key " + id));
			}
		}
		keys.put(currentId, decode(currentBase64, "current key"));
		return new Keyring(currentId, keys);
	}

	/**
	 * The keyring kept in {@code dataDir}: {@code name} (key 1) and {@code name.N}; when
	 * there is none, key 1 is created with {@code bytes} random bytes.
	 */
	public static Keyring fromFiles(Path dataDir, String name, int bytes) {
		Map<Integer, Path> files = files(dataDir, name);
		if (files.isEmpty()) {
			SecretFiles.readOrCreate(dataDir.resolve(name), bytes);
			files = files(dataDir, name);
		}
		Map<Integer, byte[]> keys = new TreeMap<>();
		files.forEach((id, file) -> keys.put(id, decode(SecretFiles.readOrCreate(file, bytes), file.toString())));
		return new Keyring(((TreeMap<Integer, byte[]>) keys).lastKey(), keys);
	}

	/**
	 * Creates the next key file ({@code name.N}, N one above the highest present; key 1
	 * when there is none), which becomes current for every later load; returns its id.
	 */
	public static int createNext(Path dataDir, String name, int bytes) {
		Map<Integer, Path> files = files(dataDir, name);
		int next = files.isEmpty() ? 1 : ((TreeMap<Integer, Path>) files).lastKey() + 1;
		SecretFiles.readOrCreate((next == 1) ? dataDir.resolve(name) : dataDir.resolve(name + "." + next), bytes);
		return next;
	}

	/** The key files of {@code name} in {@code dataDir} by id. */
	public static Map<Integer, Path> files(Path dataDir, String name) {
		Map<Integer, Path> files = new TreeMap<>();
		if (!Files.isDirectory(dataDir)) {
			return files;
		}
		Pattern numbered = Pattern.compile(Pattern.quote(name) + "\\.([1-9][0-9]{0,5})");
		try (Stream<Path> list = Files.list(dataDir)) {
			list.forEach((p) -> {
				String file = p.getFileName().toString();
				Matcher m = numbered.matcher(file);
				if (file.equals(name)) {
					files.put(1, p);
				}
				else if (m.matches()) {
					files.put(Integer.parseInt(m.group(1)), p);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the key files in " + dataDir, ex);
		}
		return files;
	}

	private static byte[] decode(String base64, String what) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalArgumentException("the " + what + " is empty");
		}
		try {
			return Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the " + what + " is not valid base64");
		}
	}

	@Override
	public String toString() {
		return "Keyring[current=" + this.currentId + ", ids=" + this.keys.keySet() + "]";
	}

}
