import SalesDeskCLI

SalesDeskCommand.mainReportingStorageErrors()
