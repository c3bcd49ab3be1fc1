package cn.zhongchuang.chain;

import java.util.List;
import java.util.Optional;

/**
 * The chains (孵化链条) other modules may read, e.g. the 后补助 of pilot chains: no scope check
 * (the caller scopes).
 */
public interface Chains {

	/** One chain, whatever its status. */
	Optional<ChainSummary> find(long id);

	/**
	 * The chains designated a pilot (status DESIGNATED) whose first institution lies in
	 * the region or below it, by number.
	 */
	List<ChainSummary> designatedWithin(String regionCode);

}
