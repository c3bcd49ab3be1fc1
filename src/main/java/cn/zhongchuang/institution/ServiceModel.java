package cn.zhongchuang.institution;

/**
 * 服务模式 (seed 000 二(一)1, seed 002 三(五)); an institution has zero or more. Labels under
 * {@code institution.serviceModel.<NAME>}.
 */
public enum ServiceModel {

	INVESTMENT_PROMOTION, TRAINING_COACHING, PROFESSIONAL_SERVICE, MAKER_INCUBATION, MEDIA_EXTENSION

}
