import SalesDeskCLI

SalesDeskCommand.main()
