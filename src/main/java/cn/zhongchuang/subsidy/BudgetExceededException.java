package cn.zhongchuang.subsidy;

import cn.zhongchuang.platform.ConflictException;

/** An award (or a batch) that would take the programme past its budget: 409 on amount. */
class BudgetExceededException extends ConflictException {

	BudgetExceededException(String message) {
		super(message);
	}

}
