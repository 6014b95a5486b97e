"""Follow-up work at the comprehensive window: hand-out (出件), supplements and commitments (补正/容缺), evaluation."""
