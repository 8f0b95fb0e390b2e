/**
 * RESULT_MSG texts the sandbox sends with failure codes, in the vendor's Korean. The code list
 * follows the hint table of docs/protocol.md; `77` stands for a code nobody documented.
 */
export const VENDOR_MESSAGES = {
  '01': '등록되지 않은 IP입니다.',
  '02': 'POC_ID 오류입니다.',
  '09': '해당 상품번호의 조회 횟수를 초과하였습니다.',
  '16': '존재하지 않는 쿠폰번호입니다.',
  '17': '이미 사용된 쿠폰입니다.',
  '31': '판매상품 ID 오류입니다.',
  '50': '시스템 점검 중입니다. 잠시 후 다시 시도해 주십시오.',
  '77': '처리 중 알 수 없는 오류가 발생하였습니다.',
  // Formatting, a right-to-left override and a dotted phone number: vendor text must stay text.
  '95': '*선처리* 필요: _고객센터_ ~확인~ \u202E요망\u202C 010.5555.6666',
  '98': 'API 사용 권한이 없습니다.',
  '99': '시스템 오류가 발생하였습니다.',
} as const;

export type SandboxVendorCode = keyof typeof VENDOR_MESSAGES;

/** The code-99 message for a missing request field. */
export function missingFieldMessage(field: string): string {
  return `필수 파라미터가 누락되었습니다. (${field})`;
}

/** RESULT_MSG of every success, as in the manual's example. */
export const SUCCESS_MESSAGE = 'SUCCESS';
