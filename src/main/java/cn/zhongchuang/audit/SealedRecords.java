package cn.zhongchuang.audit;

import java.util.Optional;

import cn.zhongchuang.platform.CurrentUser;

/**
 * A module's sealed records of one kind, for {@code GET /api/v1/seals/{kind}/{id}}: each
 * module declares one bean per kind and decides who may see a record (the public sees
 * what it sees on the public pages; a staff user what their scope covers).
 */
public interface SealedRecords {

	/** The kind, as in the URL and the canonical text, e.g. {@code notice}. */
	String kind();

	/**
	 * The check of the record's seal; empty when it does not exist or the user (null when
	 * anonymous) may not see it.
	 */
	Optional<SealCheck> check(long id, CurrentUser user);

	/**
	 * Seals at most {@code limit} of the records of this kind that should carry a seal
	 * and have none (made before seals were introduced, or loaded in bulk); returns how
	 * many, 0 when none is left. Run in the background after start.
	 */
	int sealUnsealed(int limit);

}
